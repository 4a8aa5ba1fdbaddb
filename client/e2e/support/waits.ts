/** How long the UI may take to reflect a change: generous for a loaded 2-core CI machine. */
export const UI_TIMEOUT_MS = 10_000;

/** Options for vitest's `expect.poll` on anything the UI shows. */
export const POLL = { timeout: UI_TIMEOUT_MS, interval: 100 } as const;

/** Waits until `check` holds, re-checking every 100 ms; the error names what never happened. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = UI_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
