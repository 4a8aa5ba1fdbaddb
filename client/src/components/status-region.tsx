import { useSyncExternalStore } from 'react';
import type { Announcer } from './announcer';

/** The one polite live region: screen readers hear important status without losing focus. */
export function StatusRegion({ announcer }: { announcer: Announcer }) {
  const message = useSyncExternalStore(announcer.subscribe, announcer.getSnapshot, announcer.getSnapshot);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="status-region">
      {message}
    </p>
  );
}
