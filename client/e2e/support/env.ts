import { chromium, type Browser } from 'playwright-core';
import { startServer, type TestServer } from '../../../server/test/support/harness';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { SimPage, type SimOpenOptions } from './sim-page';

/** One test file's world: a real server (own SQLite file) and one headless Chromium, shared by its tests. */
export interface E2eEnv {
  server: TestServer;
  browser: Browser;
  /** A fresh browser context showing `/sim`: a new meeting with its own cookies and storage. */
  openSim(options?: SimOpenOptions): Promise<SimPage>;
  close(): Promise<void>;
}

/** Starts the server in-process (production wiring, ephemeral port) and the browser. */
export async function startEnv(): Promise<E2eEnv> {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  const pages: SimPage[] = [];
  return {
    server,
    browser,
    async openSim(options = {}) {
      const sim = await SimPage.open(browser, server.url, options);
      pages.push(sim);
      return sim;
    },
    async close() {
      await Promise.allSettled(pages.map((p) => p.close()));
      await browser.close();
      await server.close();
    },
  };
}
