import { useEffect, useRef } from 'react';
import { focusIsLost } from '../../components/use-focus-landing';

/**
 * Where focus goes when the composer closes (its buttons vanish with it): to the heading of the draft just
 * saved, which is the first draft in the list (newest first), or back to "New poll" after Cancel or a delete.
 * Returns the refs for the "New poll" button and the poll list, and `saved()` for the composer's successful save.
 */
export function useComposeFocus(composing: boolean) {
  const newPoll = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const was = useRef(composing);
  const saved = useRef(false);
  useEffect(() => {
    const closed = was.current && !composing;
    was.current = composing;
    if (!closed || !focusIsLost(document)) return;
    const draft = saved.current
      ? list.current?.querySelector<HTMLElement>('[data-testid=poll-card][data-status=draft] h2')
      : null;
    saved.current = false;
    (draft ?? newPoll.current)?.focus();
  }, [composing]);
  // A deleted poll takes its Confirm button along: back to "New poll" rather than the page top.
  const before = useRef(0);
  useEffect(() => {
    const polls = list.current?.childElementCount ?? 0;
    const shrank = polls < before.current;
    before.current = polls;
    if (shrank && focusIsLost(document)) newPoll.current?.focus();
  });
  return { newPoll, list, saved: () => void (saved.current = true) };
}
