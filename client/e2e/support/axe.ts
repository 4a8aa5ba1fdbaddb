import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

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

/** Runs every axe rule (WCAG 2.0/2.1 A and AA plus best practices) on one app frame of the simulator page. */
export function axeFrame(page: Page, frameName: string): Promise<AxeReport> {
  // A frame path: the iframe in the simulator page, then the app's whole document inside it.
  return analyze(new AxeBuilder({ page }).include([`iframe[name="${frameName}"]`, 'html']), 1);
}

/** Runs every axe rule on a page that is the app itself (opened outside Zoom, no simulator around it). */
export function axePage(page: Page): Promise<AxeReport> {
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
