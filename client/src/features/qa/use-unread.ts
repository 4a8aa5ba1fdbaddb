import { useEffect, useRef } from 'react';

/**
 * How many of `ids` arrived since the person last looked (`looking` is true while the view is shown).
 * What was there when the panel opened counts as seen: a badge is for news, not for the backlog.
 */
export function useUnread(ids: readonly string[], looking: boolean): number {
  const seen = useRef<Set<string> | null>(null);
  seen.current ??= new Set(ids);
  useEffect(() => {
    if (looking) ids.forEach((id) => seen.current?.add(id));
  });
  if (looking) return 0;
  return ids.filter((id) => !seen.current?.has(id)).length;
}
