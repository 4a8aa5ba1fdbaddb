import type { Locator } from 'playwright-core';

/** Votes per option label, read from the result bars inside `scope`. */
export const countsIn = (scope: Locator): Promise<Record<string, number>> =>
  scope
    .getByTestId('result-bar')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.querySelector('.bar-label')?.textContent ?? '', Number((r as HTMLElement).dataset.count)]),
      ),
    );
