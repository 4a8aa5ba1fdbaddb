import { useEffect, useMemo, useRef } from 'react';
import type { QaQuestionView } from '@quorum/shared';
import { useAnnounce } from '../../components/announcer';
import { createThrottledAnnouncer } from '../../components/announcer-throttle';
import { useT } from '../../i18n';
import type { QaState } from '../../realtime/qa-state';

/** Questions someone else asked that this audience can now see: new in the list since last time. */
const arrivals = (list: readonly QaQuestionView[], known: ReadonlySet<string>, mine: ReadonlySet<string>) =>
  list.filter((q) => !known.has(q.id) && !mine.has(q.id) && q.status !== 'archived' && q.status !== 'dismissed');

/**
 * Tells the live region about new questions at a listenable rate: the first at once, then at most one
 * announcement (of the latest) every few seconds however many arrive. Participants hear approved
 * questions; hosts also hear those waiting for review. What was there on opening is not read out.
 */
export function useQaAnnouncements(qa: QaState, host: boolean): void {
  const announce = useAnnounce();
  const t = useT();
  const out = useMemo(() => createThrottledAnnouncer(announce), [announce]);
  useEffect(() => () => out.dispose(), [out]);
  const known = useRef<Set<string> | null>(null);
  const list = qa.list?.questions;
  const mine = qa.mine?.questions;
  useEffect(() => {
    if (!list) return;
    // The shared list marks nothing as mine: my own questions are known from `mine` (the ack comes first).
    const own = new Set((mine ?? []).map((q) => q.id));
    const fresh = known.current ? arrivals(list, known.current, own) : [];
    known.current = new Set(list.map((q) => q.id));
    const latest = fresh.at(-1);
    if (!latest) return;
    const waiting = latest.status === 'waiting';
    if (waiting && !host) return;
    out.update('qa', t(waiting ? 'qa.a11y.newWaiting' : 'qa.a11y.new', { text: latest.text }));
  }, [list, mine, host, out, t]);
}
