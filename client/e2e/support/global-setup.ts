import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ensureChromium } from './chromium';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Once before the browser tests: make sure Chromium exists and the client build is current. */
export default async function setup(): Promise<void> {
  ensureChromium();
  await build({ configFile: `${root}vite.config.ts`, logLevel: 'warn', mode: 'production' });
}
