import { useState, type ReactNode } from 'react';
import { useMeetingState } from '../../app-context';
import { Tabs, type TabBadge } from '../../components/tabs';
import { useFocusLanding } from '../../components/use-focus-landing';
import { useT, type MessageId } from '../../i18n';
import { mayRun } from '../../realtime/meeting-state';
import { LibraryImport } from '../library/library-import';
import { QaHostPanel } from '../qa/qa-host-panel';
import { useOpenPollsBadge, usePanelChoice, useQaQueueBadge } from '../qa/qa-panels';
import { useQaAnnouncements } from '../qa/use-qa-announcements';
import { useQaView } from '../qa/use-qa';
import { ReportPanel } from '../report/report-panel';
import { DeliveriesPanel, ZoomAccountBar } from '../zoom-account/zoom-account-bar';
import { CoHostToggle } from './co-host-toggle';
import { PollsTab } from './polls-tab';
import { SettingsMenu } from './settings-menu';

/**
 * The host panel's sections, in order; a new section is one more entry here. `needsRun` hides it
 * from a co-host while the host keeps running polls to themselves. Polls stays mounted while hidden,
 * so a half-written poll survives a look at the report.
 */
const HOST_TABS = [
  { id: 'polls', label: 'tabs.polls', Panel: PollsTab, keepMounted: true },
  // Kept mounted: a half-written reply survives a look at the polls, and a poll and Q&A run side by side.
  { id: 'qa', label: 'qa.tab', Panel: QaHostPanel, keepMounted: true },
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

/** What hosts and co-hosts see: Polls · Q&A · Library · Report, and the settings menu beside them. */
export function HostView() {
  const state = useMeetingState();
  const t = useT();
  const canRun = mayRun(state);
  // Per meeting: a panel reopened in the same meeting comes back to the section the host left.
  const [chosen, choose] = usePanelChoice('host-tab', TAB_IDS, 'polls');
  const available = HOST_TABS.filter((tab) => canRun || !('needsRun' in tab));
  const selected = available.some((tab) => tab.id === chosen) ? chosen : 'polls';
  // Here, not in the Q&A tab: a host on another tab still hears of a question waiting for review.
  useQaAnnouncements(useQaView().qa, true);
  const badges: Partial<Record<HostTabId, TabBadge | undefined>> = {
    polls: useOpenPollsBadge(selected),
    qa: useQaQueueBadge(),
  };
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
  const tabs = available.map((tab) => ({
    id: tab.id,
    label: t(tab.label),
    panel: <tab.Panel onLaunched={onLaunched} />,
    keepMounted: 'keepMounted' in tab && tab.keepMounted,
    badge: badges[tab.id],
  }));
  const settings = (
    <SettingsMenu>
      <ZoomAccountBar />
      {state.session?.role === 'host' && <CoHostToggle />}
      <DeliveriesPanel />
    </SettingsMenu>
  );
  return <Tabs label={t('tabs.label')} tabs={tabs} selected={selected} onSelect={choose} aside={settings} />;
}
