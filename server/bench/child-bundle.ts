import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');
/** Under node_modules so the bundle's bare imports resolve to the repo's packages (and git ignores it). */
const OUT_DIR = join(REPO_ROOT, 'node_modules/.cache/quorum-bench');

/**
 * Bundles server-child.ts the way `npm run build` bundles main.ts (Vite SSR build: @quorum/shared
 * inlined, npm packages external), so the measured server runs as deployed: plain compiled JS,
 * without tsx's loader thread (~35 MB RSS) in the process. Returns the bundle's path.
 */
export async function bundleServerChild(): Promise<string> {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'error',
    ssr: { noExternal: ['@quorum/shared'] },
    build: {
      ssr: join(HERE, 'server-child.ts'),
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { entryFileNames: 'server-child.js' } },
    },
  });
  return join(OUT_DIR, 'server-child.js');
}
