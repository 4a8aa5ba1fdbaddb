import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian (and most distributions) put Chromium; CHROMIUM_PATH overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The command that installs the browser the tests need, for the message when we cannot run it ourselves. */
export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium';

const found = (): string | undefined =>
  [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));

/**
 * Finds Chromium, installing Debian's package when we are root with apt (CI, fresh machines).
 * Playwright's own browser download cannot work here, so we never try it.
 */
export function ensureChromium(): string {
  const existing = found();
  if (existing) return existing;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.warn('Chromium not found: installing Debian’s chromium package for the browser tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    `The browser tests need Chromium and none was found. Install it with:\n\n  ${INSTALL_HINT}\n\n(or set CHROMIUM_PATH to a Chromium/Chrome binary)`,
  );
}

/** Flags for a quiet headless Chromium on a closed network, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
