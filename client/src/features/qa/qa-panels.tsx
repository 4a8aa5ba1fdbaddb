import { useState, type ReactNode } from 'react';
import { useMeetingState } from '../../app-context';
import { useT } from '../../i18n';
import { qaQueueLength } from '../../realtime/qa-state';
import { QaHostPanel } from './qa-host-panel';
import { QaParticipantPanel } from './qa-participant-panel';
import { PanelSwitch, type PanelId, type TabBadge } from './qa-switch';
import { useQaAnnouncements } from './use-qa-announcements';
import { useQaView } from './use-qa';
import { useUnread } from './use-unread';

// A frame whose storage is blocked throws on access: the choice then lasts as long as the view.
const stored = (key: string): string | null => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = (key: string, value: string): void => {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Not kept; nothing else depends on it.
  }
};

/**
 * The tab a person chose, per meeting for this page's life: leaving present mode (which replaces the
 * whole panel) comes back to it, with focus on the button that opened the presentation.
 */
function usePanelChoice(): [PanelId, (panel: PanelId) => void] {
  const key = `quorum:panel:${useMeetingState().session?.meetingId ?? ''}`;
  const [shown, setShown] = useState<PanelId>(() => (stored(key) === 'qa' ? 'qa' : 'polls'));
  const choose = (panel: PanelId) => {
    setShown(panel);
    store(key, panel);
  };
  return [shown, choose];
}

/** While Q&A shows, the Polls tab counts the open polls: a launch is never missed behind the other tab. */
function useOpenPollsBadge(shown: PanelId): TabBadge | undefined {
  const t = useT();
  const open = Object.values(useMeetingState().polls).filter((p) => p.status === 'open').length;
  return shown === 'qa' ? { count: open, words: t('qa.switch.openPolls', { count: open }) } : undefined;
}

/** A participant's panel: Polls | Q&A once the host turned Q&A on, with the number of new questions. */
export function ParticipantPanels({ polls }: { polls: ReactNode }) {
  const t = useT();
  const { qa, settings } = useQaView();
  const [shown, setShown] = usePanelChoice();
  useQaAnnouncements(qa, false);
  const pollsBadge = useOpenPollsBadge(shown);
  const others = (qa.list?.questions ?? []).filter((q) => q.status === 'live').map((q) => q.id);
  const mine = new Set((qa.mine?.questions ?? []).map((q) => q.id));
  const unread = useUnread(
    others.filter((id) => !mine.has(id)),
    shown === 'qa',
  );
  return (
    <PanelSwitch
      polls={polls}
      qa={<QaParticipantPanel />}
      withQa={settings?.enabled === true}
      chosen={shown}
      onShow={setShown}
      badges={{
        polls: pollsBadge,
        qa: { count: unread, words: t('qa.switch.unread', { count: unread }) },
      }}
    />
  );
}

/**
 * The host's Q&A tab badge: the questions waiting for review. Kept apart from the switch so a tab list
 * elsewhere (host-view's HOST_TABS) can show it too.
 */
export function useQaQueueBadge(): TabBadge {
  const t = useT();
  const queue = qaQueueLength(useQaView().qa);
  return { count: queue, words: t('qa.switch.queue', { count: queue }) };
}

/** A host's panel: Polls | Q&A, the Q&A tab counting the questions waiting for review. */
export function HostPanels({ polls }: { polls: ReactNode }) {
  const { qa } = useQaView();
  const [shown, setShown] = usePanelChoice();
  // Here, not in the Q&A tab: a host on the Polls tab still hears of a question waiting for review.
  useQaAnnouncements(qa, true);
  const pollsBadge = useOpenPollsBadge(shown);
  const queueBadge = useQaQueueBadge();
  return (
    <PanelSwitch
      polls={polls}
      qa={<QaHostPanel />}
      chosen={shown}
      onShow={setShown}
      badges={{ polls: pollsBadge, qa: queueBadge }}
    />
  );
}
