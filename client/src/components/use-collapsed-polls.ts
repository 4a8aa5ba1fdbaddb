import { useEffect, useRef, useState } from 'react';
import type { Poll } from '@quorum/shared';

const closedIds = (polls: readonly Poll[]) => polls.filter((p) => p.status === 'closed').map((p) => p.id);
const launchKeys = (polls: readonly Poll[]) => polls.filter((p) => p.status === 'open').map((p) => `${p.id}:${p.run}`);

/**
 * Which closed polls show as one line. The current thing first: polls already closed when the view opened
 * come collapsed, and so does every closed poll once another poll is launched; one closed while the person
 * watches stays open (they want its result). A click on Show or Hide decides for that poll from then on.
 */
export function useCollapsedPolls(polls: readonly Poll[]) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set(closedIds(polls)));
  const launches = launchKeys(polls);
  const seen = useRef<ReadonlySet<string>>(new Set(launches));
  const key = launches.join(' ');
  useEffect(() => {
    const fresh = launches.filter((k) => !seen.current.has(k));
    seen.current = new Set(launches);
    if (fresh.length === 0) return;
    const reopened = new Set(fresh.map((k) => k.slice(0, k.lastIndexOf(':'))));
    setCollapsed((s) => new Set([...s, ...closedIds(polls)].filter((id) => !reopened.has(id))));
    // `key` stands for the launches; the polls of the same render are the ones it describes.
  }, [key]);
  const toggle = (id: string) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return { isCollapsed: (poll: Poll) => poll.status === 'closed' && collapsed.has(poll.id), toggle };
}
