import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');
/** Under node_modules so the bundle's bare imports resolve to the repo's packages (and git ignores it). */
const OUT_DIR = join(REPO_ROOT, 'node_modules/.cache/quorum-bench');

/** The bundled child entry points. */
export interface ChildBundles {
  /** Quorum's server as the benchmark runs it (server-child.ts). */
  server: string;
  /** The raw `ws` floor (raw-ws-server.ts). */
  raw: string;
}

/**
 * Bundles server-child.ts the way `npm run build` bundles main.ts (Vite SSR build: @quorum/shared
 * inlined, npm packages external), so the measured server runs as deployed: plain compiled JS,
 * without tsx's loader thread (~35 MB RSS) in the process. The raw ws floor is bundled alongside.
 */
export async function bundleServerChild(): Promise<ChildBundles> {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'error',
    ssr: { noExternal: ['@quorum/shared'] },
    build: {
      ssr: true,
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { 'server-child': join(HERE, 'server-child.ts'), 'raw-ws-server': join(HERE, 'raw-ws-server.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  });
  return { server: join(OUT_DIR, 'server-child.js'), raw: join(OUT_DIR, 'raw-ws-server.js') };
}
