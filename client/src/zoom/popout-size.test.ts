import { describe, expect, it } from 'vitest';
import { platformOf, popoutSizeFor } from './popout-size';

const wanted = { width: 960, height: 640 };

describe('popout size inside Zoom’s limits (sdk.d.ts ConfigOptions.popoutSize)', () => {
  it('raises the height to macOS’s minimum of 760', () => {
    expect(popoutSizeFor(wanted, 'mac', { width: 1728, height: 1117 })).toEqual({ width: 960, height: 760 });
  });

  it('keeps within 75 % of the screen', () => {
    expect(popoutSizeFor(wanted, 'windows', { width: 1024, height: 768 })).toEqual({ width: 768, height: 576 });
  });

  it('never goes under the platform minimum, even on a tiny screen', () => {
    expect(popoutSizeFor(wanted, 'windows', { width: 400, height: 400 })).toEqual({ width: 336, height: 342 });
  });

  it('asks for what it wants when the screen size is unknown', () => {
    expect(popoutSizeFor(wanted, 'other', null)).toEqual(wanted);
    expect(popoutSizeFor(wanted, 'windows', { width: 0, height: 0 })).toEqual(wanted);
  });

  it('reads the platform from the user agent', () => {
    expect(platformOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) ZoomApps/1.0')).toBe('windows');
    expect(platformOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ZoomWebKit/537.36')).toBe('mac');
    expect(platformOf('Mozilla/5.0 (X11; Linux x86_64)')).toBe('other');
  });
});
