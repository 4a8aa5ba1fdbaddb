import type { FrameLookup } from './bridge';

/** Which iframe runs which pane; panes register their frame element on mount. */
export interface FrameRegistry extends FrameLookup {
  set(key: string, frame: HTMLIFrameElement | null): void;
}

/** A registry keyed by pane; sources are matched by identity with each frame's contentWindow. */
export function createFrameRegistry(): FrameRegistry {
  const frames = new Map<string, HTMLIFrameElement>();
  return {
    set(key, frame) {
      if (frame) frames.set(key, frame);
      else frames.delete(key);
    },
    keyFor(source) {
      if (!source) return undefined;
      for (const [key, frame] of frames) if (frame.contentWindow === source) return key;
      return undefined;
    },
    windowFor: (key) => frames.get(key)?.contentWindow ?? undefined,
  };
}
