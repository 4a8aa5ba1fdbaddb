import { useState } from 'react';

/** sessionStorage, or null where the frame may not use it (a sandboxed or storage-blocked Zoom webview). */
function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * A choice among `options` remembered for this tab's session under `key` (e.g. one per meeting), so a
 * reload or Zoom's re-opening of the panel comes back to it; anything unknown in storage falls back.
 */
export function useSessionChoice<T extends string>(key: string, options: readonly T[], fallback: T) {
  const [value, setValue] = useState<T>(() => {
    const stored = storage()?.getItem(key);
    return options.find((o) => o === stored) ?? fallback;
  });
  const choose = (next: T) => {
    setValue(next);
    try {
      storage()?.setItem(key, next);
    } catch {
      // Quota or a blocked store: the choice still holds until the panel reloads.
    }
  };
  return [value, choose] as const;
}
