import { AxeBuilder } from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';

/** One axe finding, trimmed to what a failing assertion needs to show. */
export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** An axe run over one app frame. */
export interface AxeReport {
  /** Every violation, of any impact (minor and moderate ones too: the bar is "none at all"). */
  blocking: Finding[];
  /** Elements inside the frame that passed some rule: zero would mean axe never looked inside. */
  checkedInFrame: number;
}

/**
 * Waits for the finite animations running in a document (the podium rising, a bar growing): axe reads
 * colours as painted, and mid-fade text has a fraction of its final contrast. Endless ones are skipped.
 */
async function settledAnimations(frame: Frame | Page): Promise<void> {
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Runs every axe rule (WCAG 2.0/2.1 A and AA plus best practices) on one app frame of the simulator page. */
export async function axeFrame(page: Page, frameName: string): Promise<AxeReport> {
  const frame = page.frame({ name: frameName });
  if (frame) await settledAnimations(frame);
  // A frame path: the iframe in the simulator page, then the app's whole document inside it.
  return analyze(new AxeBuilder({ page }).include([`iframe[name="${frameName}"]`, 'html']), 1);
}

/** Runs every axe rule on a page that is the app itself (opened outside Zoom, no simulator around it). */
export async function axePage(page: Page): Promise<AxeReport> {
  await settledAnimations(page);
  return analyze(new AxeBuilder({ page }), 0);
}

async function analyze(builder: AxeBuilder, depth: number): Promise<AxeReport> {
  const results = await builder.analyze();
  const blocking = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? '',
    help: v.help,
    targets: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
  }));
  const checkedInFrame = results.passes.flatMap((r) => r.nodes).filter((n) => n.target.length > depth).length;
  return { blocking, checkedInFrame };
}
