import { useState, type ReactNode } from 'react';
import { useMeetingState } from '../../app-context';
import { Tabs } from '../../components/tabs';
import { useFocusLanding } from '../../components/use-focus-landing';
import { useSessionChoice } from '../../components/use-session-choice';
import { useT, type MessageId } from '../../i18n';
import { mayRun } from '../../realtime/meeting-state';
import { LibraryImport } from '../library/library-import';
import { ReportPanel } from '../report/report-panel';
import { DeliveriesPanel, ZoomAccountBar } from '../zoom-account/zoom-account-bar';
import { CoHostToggle } from './co-host-toggle';
import { PollsTab } from './polls-tab';
import { SettingsMenu } from './settings-menu';

/**
 * The host panel's sections, in order. A new section (Q&A) is one more entry here; `needsRun` hides it
 * from a co-host while the host keeps running polls to themselves. Polls stays mounted while hidden,
 * so a half-written poll survives a look at the report.
 */
const HOST_TABS = [
  { id: 'polls', label: 'tabs.polls', Panel: PollsTab, keepMounted: true },
  { id: 'library', label: 'tabs.library', Panel: LibraryImport, needsRun: true },
  { id: 'report', label: 'report.title', Panel: ReportPanel },
] as const satisfies readonly {
  id: string;
  label: MessageId;
  Panel: (props: PanelProps) => ReactNode;
  keepMounted?: boolean;
  needsRun?: boolean;
}[];

/** What a section may ask of the panel: show a poll just launched from it, in Polls. */
interface PanelProps {
  onLaunched: (pollId: string) => void;
}

type HostTabId = (typeof HOST_TABS)[number]['id'];
const TAB_IDS: readonly HostTabId[] = HOST_TABS.map((tab) => tab.id);

/** What hosts and co-hosts see: Polls · Library · Report, and the settings menu beside them. */
export function HostView() {
  const state = useMeetingState();
  const t = useT();
  const canRun = mayRun(state);
  // Per meeting: a panel reopened in the same meeting comes back to the section the host left.
  const [chosen, choose] = useSessionChoice(`quorum:host-tab:${state.session?.meetingId ?? ''}`, TAB_IDS, 'polls');
  // A poll launched from the Library: Polls shows it live, and its heading takes the focus the Launch button had.
  const [launched, setLaunched] = useState<string | null>(null);
  useFocusLanding(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-testid=poll-card]')]
        .find((card) => card.dataset.pollId === launched)
        ?.querySelector('h2'),
    launched,
  );
  const onLaunched = (pollId: string) => {
    choose('polls');
    setLaunched(pollId);
  };
  const tabs = HOST_TABS.filter((tab) => canRun || !('needsRun' in tab)).map((tab) => ({
    id: tab.id,
    label: t(tab.label),
    panel: <tab.Panel onLaunched={onLaunched} />,
    keepMounted: 'keepMounted' in tab && tab.keepMounted,
  }));
  const selected = tabs.some((tab) => tab.id === chosen) ? chosen : 'polls';
  const settings = (
    <SettingsMenu>
      <ZoomAccountBar />
      {state.session?.role === 'host' && <CoHostToggle />}
      <DeliveriesPanel />
    </SettingsMenu>
  );
  return <Tabs label={t('tabs.label')} tabs={tabs} selected={selected} onSelect={choose} aside={settings} />;
}
