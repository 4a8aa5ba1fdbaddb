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
  /** Serious and critical violations. */
  blocking: Finding[];
  /** Elements inside the frame that passed some rule: zero would mean axe never looked inside. */
  checkedInFrame: number;
}

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on one app frame of the simulator page. */
export async function axeFrame(page: Page, frameName: string): Promise<AxeReport> {
  // A frame path: the iframe in the simulator page, then the app's whole document inside it.
  const results = await new AxeBuilder({ page }).include([`iframe[name="${frameName}"]`, 'html']).analyze();
  const blocking = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  const checkedInFrame = results.passes.flatMap((r) => r.nodes).filter((n) => n.target.length > 1).length;
  return { blocking, checkedInFrame };
}
