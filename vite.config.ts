import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Vitest 5 targets Node 22; Node 20 lacks Map.groupBy, which its reporter needs to print a failure.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let i = 0;
      for (const item of items) {
        const key = keyOf(item, i++);
        groups.set(key, [...(groups.get(key) ?? []), item]);
      }
      return groups;
    },
  });
}

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// One config for the whole repo: the client build (served by the server at the Home URL),
// the server's production bundle (`vite build --ssr`), and every test project.
export default defineConfig(({ isSsrBuild }) => ({
  root: 'client',
  plugins: [react()],
  build: isSsrBuild
    ? {
        // The server bundle: @quorum/shared is TypeScript source, so it is bundled in; npm deps stay external.
        outDir: '../server/dist',
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: { input: fromRoot('./server/src/main.ts'), output: { entryFileNames: 'main.js' } },
      }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        rollupOptions: { input: { app: fromRoot('./client/index.html'), sim: fromRoot('./client/sim/index.html') } },
      },
  ssr: { noExternal: ['@quorum/shared'] },
  // The production server bundle leaves the simulator and fake Zoom cloud out entirely (server/src/app.ts).
  define: isSsrBuild ? { __QUORUM_DEV_TOOLS__: 'false' } : {},
  test: {
    root: '.',
    projects: [
      { extends: true, test: { name: 'shared', root: '.', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'server',
          root: '.',
          include: ['server/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'server/dist/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: '.',
          include: ['client/src/**/*.test.{ts,tsx}', 'client/sim/**/*.test.{ts,tsx}', 'client/scripts/**/*.test.ts'],
          environment: 'jsdom',
          // The SDK's CommonJS build behind a catch-all Proxy confuses the module loader unless inlined.
          server: { deps: { inline: ['@zoom/appssdk'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['client/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['client/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
