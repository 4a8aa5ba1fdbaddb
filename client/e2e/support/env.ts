import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type TestServer } from '../../../server/test/support/harness';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { SimPage, type SimOpenOptions } from './sim-page';

/** One test file's world: a real server (own SQLite file) and one headless Chromium, shared by its tests. */
export interface E2eEnv {
  /** The server running now (a new one after `restartServer`, on the same address and database). */
  readonly server: TestServer;
  browser: Browser;
  /** A fresh browser context showing `/sim`: a new meeting with its own cookies and storage. */
  openSim(options?: SimOpenOptions): Promise<SimPage>;
  /**
   * A graceful restart, as a deploy does it: the server drains and closes (telling clients it is restarting),
   * `whileDown` runs with nothing listening, then a new server starts on the same port over the same database.
   */
  restartServer(whileDown?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server in-process (production wiring, ephemeral port) and the browser. */
export async function startEnv(): Promise<E2eEnv> {
  let server = await startServer();
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  const pages: SimPage[] = [];
  return {
    get server() {
      return server;
    },
    browser,
    async openSim(options = {}) {
      const sim = await SimPage.open(browser, server.url, options);
      pages.push(sim);
      return sim;
    },
    async restartServer(whileDown) {
      const { dbPath, url } = server;
      await server.close({ keepData: true });
      await whileDown?.();
      server = await startServer({}, dbPath, Number(new URL(url).port));
    },
    async close() {
      await Promise.allSettled(pages.map((p) => p.close()));
      await browser.close();
      await server.close();
      // A restarted server does not own the first one's temporary directory: remove it here.
      rmSync(dirname(server.dbPath), { recursive: true, force: true });
    },
  };
}
