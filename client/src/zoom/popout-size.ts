/** A window size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The popout size Zoom accepts, from `ConfigOptions.popoutSize` in sdk.d.ts: at most 75 % of the screen,
 * at least 336 × 342 on Windows and 320 × 760 on macOS. Other platforms state no minimum.
 */
const MAX_SHARE_OF_SCREEN = 0.75;
const MINIMUM: Record<'windows' | 'mac', Size> = {
  windows: { width: 336, height: 342 },
  mac: { width: 320, height: 760 },
};

export type Platform = keyof typeof MINIMUM | 'other';

/** The desktop platform from the user agent (Zoom's embedded browsers report the OS there). */
export function platformOf(userAgent: string): Platform {
  if (/Windows/i.test(userAgent)) return 'windows';
  if (/Macintosh|Mac OS X/i.test(userAgent)) return 'mac';
  return 'other';
}

const clamp = (value: number, min: number, max: number) =>
  Math.round(Math.min(Math.max(value, min), Math.max(min, max)));

/**
 * `wanted` kept inside Zoom's limits for this platform and screen. Where the screen is too small for
 * the minimum, the minimum wins: Zoom refuses a smaller window anyway.
 */
export function popoutSizeFor(wanted: Size, platform: Platform, screen: Size | null): Size {
  // jsdom and some embedded browsers report a 0 × 0 screen: then only the minimum applies.
  const min = platform === 'other' ? { width: 1, height: 1 } : MINIMUM[platform];
  const known = screen !== null && screen.width > 0 && screen.height > 0;
  const max = known
    ? { width: screen.width * MAX_SHARE_OF_SCREEN, height: screen.height * MAX_SHARE_OF_SCREEN }
    : wanted;
  return { width: clamp(wanted.width, min.width, max.width), height: clamp(wanted.height, min.height, max.height) };
}
