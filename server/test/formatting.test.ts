import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

// One formatter for the whole repo (.prettierrc.json, width 120): a file that drifts from it fails
// here, so reviews read changes, not re-wrapped lines. `npm run format` fixes every file at once.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('formatting', () => {
  it('keeps every tracked source file as Prettier writes it', async () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.css', '*.js', '*.html'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const drifted: string[] = [];
    for (const file of files) {
      const path = `${root}${file}`;
      const info = await prettier.getFileInfo(path, { ignorePath: `${root}.prettierignore` });
      if (info.ignored || !info.inferredParser) continue;
      const options = (await prettier.resolveConfig(path)) ?? {};
      if (!(await prettier.check(await readFile(path, 'utf8'), { ...options, filepath: path }))) drifted.push(file);
    }
    expect(drifted, 'run `npm run format`').toEqual([]);
  }, 60_000);
});
