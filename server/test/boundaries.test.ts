import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repo's lint config keeps three boundaries; `npm run lint` applies them to real files, and this
// test proves the rules fire (a probe that crosses each line, linted as if it lived there).
const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: '.eslint.config.js' });
const ruleHits = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);

describe('lint keeps the code’s boundaries', () => {
  it('lets only the SDK adapter import @zoom/appssdk', async () => {
    const code = "import zoomSdk from '@zoom/appssdk';\nexport const sdk = zoomSdk;\n";
    expect(await ruleHits('client/src/features/host/probe.ts', code)).toEqual([
      expect.stringContaining('sdk-adapter.ts'),
    ]);
    expect(await ruleHits('client/src/zoom/sdk-adapter.ts', code)).toEqual([]);
  });

  it('keeps the app from importing the simulator', async () => {
    expect(
      await ruleHits(
        'client/src/probe.ts',
        "import { readSimOptions } from '../sim/sim-options';\nexport const x = readSimOptions;\n",
      ),
    ).toEqual([expect.stringContaining('client/sim')]);
  });

  it('keeps the server’s production code from importing the simulator, except as types', async () => {
    expect(
      await ruleHits(
        'server/src/probe.ts',
        "import { simRoutes } from './sim/sim-routes';\nexport const x = simRoutes;\n",
      ),
    ).toEqual([expect.stringContaining('server/src/sim')]);
    expect(
      await ruleHits(
        'server/src/probe.ts',
        "import type { DevZoom } from './sim/dev-zoom';\nexport type X = DevZoom;\n",
      ),
    ).toEqual([]);
  });

  it('keeps the test fixtures out of the server’s production code', async () => {
    const code = "import { question } from '@quorum/shared/testing';\nexport const q = question('single');\n";
    expect(await ruleHits('server/src/probe.ts', code)).toEqual([expect.stringContaining('test fixtures')]);
    expect(await ruleHits('server/src/probe.test.ts', code)).toEqual([]);
  });
});
