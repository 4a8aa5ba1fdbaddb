import { useEffect, useRef } from 'react';
import { focusIsLost } from '../../components/use-focus-landing';

/**
 * Where focus goes when the composer closes (its buttons vanish with it): to the heading of the poll just
 * launched (`saved(pollId)`) or the draft just saved (`saved()`: the first draft in the list, newest first), or
 * back to "New poll" after Cancel or a delete. Returns the refs for the "New poll" button and the poll list, and
 * `saved` for the composer's success.
 */
export function useComposeFocus(composing: boolean) {
  const newPoll = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const was = useRef(composing);
  // After a success: the poll to land on, or true for the newest draft.
  const saved = useRef<string | boolean>(false);
  useEffect(() => {
    const closed = was.current && !composing;
    was.current = composing;
    if (!closed || !focusIsLost(document)) return;
    const target = saved.current;
    saved.current = false;
    const cards = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid=poll-card]') ?? [])];
    const card = cards.find((c) =>
      typeof target === 'string' ? c.dataset.pollId === target : target && c.dataset.status === 'draft',
    );
    (card?.querySelector<HTMLElement>('h2') ?? newPoll.current)?.focus();
  }, [composing]);
  // A deleted poll takes its Confirm button along: back to "New poll" rather than the page top.
  const before = useRef(0);
  useEffect(() => {
    const polls = list.current?.childElementCount ?? 0;
    const shrank = polls < before.current;
    before.current = polls;
    if (shrank && focusIsLost(document)) newPoll.current?.focus();
  });
  return { newPoll, list, saved: (pollId?: string) => void (saved.current = pollId ?? true) };
}
