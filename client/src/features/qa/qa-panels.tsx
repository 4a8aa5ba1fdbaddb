import type { ReactNode } from 'react';
import { useMeetingState } from '../../app-context';
import { Tabs, type TabBadge } from '../../components/tabs';
import { useSessionChoice } from '../../components/use-session-choice';
import { useT } from '../../i18n';
import { qaQueueLength } from '../../realtime/qa-state';
import { QaParticipantPanel } from './qa-participant-panel';
import { useQaAnnouncements } from './use-qa-announcements';
import { useQaView } from './use-qa';
import { useUnread } from './use-unread';

export type PanelId = 'polls' | 'qa';
const PANELS: readonly PanelId[] = ['polls', 'qa'];

/**
 * The section a person chose, per meeting for this page's life: leaving present mode (which replaces
 * the whole panel) or Zoom reopening the panel comes back to it.
 */
export const usePanelChoice = <T extends string>(area: string, options: readonly T[], fallback: T) =>
  useSessionChoice(`quorum:${area}:${useMeetingState().session?.meetingId ?? ''}`, options, fallback);

/** While another section shows, the Polls tab counts the open polls: a launch is never missed behind it. */
export function useOpenPollsBadge(shown: string): TabBadge | undefined {
  const t = useT();
  const open = Object.values(useMeetingState().polls).filter((p) => p.status === 'open').length;
  return shown !== 'polls' ? { count: open, words: t('qa.switch.openPolls', { count: open }) } : undefined;
}

/** The host's Q&A tab badge: the questions waiting for review. */
export function useQaQueueBadge(): TabBadge {
  const t = useT();
  const queue = qaQueueLength(useQaView().qa);
  return { count: queue, words: t('qa.switch.queue', { count: queue }) };
}

/**
 * A participant's panel: Polls | Q&A once the host turned Q&A on, with the number of new questions;
 * only the polls (no switch) while Q&A is off. Both stay mounted, so a poll and Q&A run side by side.
 */
export function ParticipantPanels({ polls }: { polls: ReactNode }) {
  const t = useT();
  const { qa, settings } = useQaView();
  const [chosen, choose] = usePanelChoice('panel', PANELS, 'polls');
  const withQa = settings?.enabled === true;
  const shown = withQa ? chosen : 'polls';
  useQaAnnouncements(qa, false);
  const pollsBadge = useOpenPollsBadge(shown);
  const mine = new Set((qa.mine?.questions ?? []).map((q) => q.id));
  const others = (qa.list?.questions ?? []).filter((q) => q.status === 'live' && !mine.has(q.id)).map((q) => q.id);
  const unread = useUnread(others, shown === 'qa');
  const tabs = [
    { id: 'polls' as const, label: t('qa.switch.polls'), panel: polls, keepMounted: true, badge: pollsBadge },
    ...(withQa
      ? [
          {
            id: 'qa' as const,
            label: t('qa.tab'),
            panel: <QaParticipantPanel />,
            keepMounted: true,
            badge: { count: unread, words: t('qa.switch.unread', { count: unread }) },
          },
        ]
      : []),
  ];
  return <Tabs label={t('qa.switch.label')} tabs={tabs} selected={shown} onSelect={choose} />;
}
