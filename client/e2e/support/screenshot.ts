import type { AppPane } from './app-pane';

/** The side-panel width the README shows (Zoom's panel is 320–400 px). */
export const PANEL_WIDTH = 360;
/** Taller views are cut here, so the images stay small. */
const MAX_HEIGHT = 900;
/** Room left below the last element. */
const BOTTOM_MARGIN = 12;

const place = (pane: AppPane, style: string) => pane.iframe.evaluate((el, css) => el.setAttribute('style', css), style);

/** The saved image, and how wide the app's content was (wider than the panel means sideways scrolling). */
export interface PanelShot {
  png: Buffer;
  contentWidth: number;
}

/**
 * Saves a PNG of the app at the panel width and its full height. The frame is pinned to the page's
 * top-left corner meanwhile, so the image is exactly PANEL_WIDTH pixels wide (grid columns are fractional).
 */
export async function screenshotPanel(pane: AppPane, path: string): Promise<PanelShot> {
  const pinned = `position:fixed;left:0;top:0;z-index:10;width:${PANEL_WIDTH}px`;
  await place(pane, `${pinned};height:${MAX_HEIGHT}px`);
  const frame = pane.liveFrame();
  await frame.waitForFunction((width) => window.innerWidth === width, PANEL_WIDTH);
  // The body, not the document: the document is never shorter than the frame it fills.
  const height = Math.min(await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)) + BOTTOM_MARGIN, MAX_HEIGHT);
  await place(pane, `${pinned};height:${height}px`);
  await frame.waitForFunction((h) => window.innerHeight === h, height);
  try {
    const contentWidth = await frame.evaluate(() => document.documentElement.scrollWidth);
    return { png: await pane.iframe.screenshot({ path, animations: 'disabled' }), contentWidth };
  } finally {
    await place(pane, '');
  }
}
