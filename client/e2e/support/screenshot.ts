import type { Locator } from 'playwright-core';
import type { AppPane } from './app-pane';
import { waitUntil } from './waits';

/** The side-panel width the README shows (Zoom's panel is 320–400 px). */
export const PANEL_WIDTH = 360;
/** Taller views are cut here, so the images stay small. */
const MAX_HEIGHT = 900;
/** Room left below the last element. */
const BOTTOM_MARGIN = 12;

/** The app's toasts come and go with timing: left out, so a retaken image changes only when the look does. */
const SHOT_STYLE = '.toasts { display: none !important; }';

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
  const height = Math.min(
    (await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))) + BOTTOM_MARGIN,
    MAX_HEIGHT,
  );
  await place(pane, `${pinned};height:${height}px`);
  await frame.waitForFunction((h) => window.innerHeight === h, height);
  try {
    const contentWidth = await frame.evaluate(() => document.documentElement.scrollWidth);
    return { png: await pane.iframe.screenshot({ path, animations: 'disabled', style: SHOT_STYLE }), contentWidth };
  } finally {
    await place(pane, '');
  }
}

/** A shared screen's size: present mode is made for it. */
export const STAGE_SIZE = { width: 1280, height: 720 } as const;

/**
 * Saves a PNG of the app on a 1280×720 stage (present mode). The app has gone fullscreen, so its frame
 * fills the window: the window is sized to the stage for the shot, then given back.
 */
export async function screenshotStage(pane: AppPane, path: string): Promise<Buffer> {
  const { width, height } = STAGE_SIZE;
  const before = pane.page.viewportSize();
  await pane.page.setViewportSize({ width, height });
  const frame = pane.liveFrame();
  const size = () => frame.evaluate(() => `${window.innerWidth}×${window.innerHeight}`);
  try {
    await waitUntil(`the fullscreen frame is ${width}×${height}`, async () => (await size()) === `${width}×${height}`);
    return await pane.iframe.screenshot({ path, animations: 'disabled', style: SHOT_STYLE });
  } finally {
    if (before) await pane.page.setViewportSize(before);
  }
}

/** The frame's height while one part of the app is shot: tall enough for a whole poll card. */
const PART_FRAME_HEIGHT = 1100;

/**
 * Saves a PNG of one part of the app (a question's results, a poll card) as it looks in the side
 * panel: the frame is pinned at the panel width meanwhile, so the part is laid out as in Zoom.
 */
export async function screenshotPart(pane: AppPane, part: Locator, path: string): Promise<Buffer> {
  await place(pane, `position:fixed;left:0;top:0;z-index:10;width:${PANEL_WIDTH}px;height:${PART_FRAME_HEIGHT}px`);
  try {
    await pane.liveFrame().waitForFunction((width) => window.innerWidth === width, PANEL_WIDTH);
    return await part.screenshot({ path, animations: 'disabled', style: SHOT_STYLE });
  } finally {
    await place(pane, '');
  }
}
