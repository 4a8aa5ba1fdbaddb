import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSdkTypings, type ApiTable } from '../sim/policy/sdk-doc-table';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Where the generated table is checked in. */
export const API_TABLE_PATH = join(here, '../sim/policy/zoom-api-table.json');

/** The permission table of the `@zoom/appssdk` installed in node_modules. */
export function readInstalledTable(): ApiTable {
  const packageJson = require.resolve('@zoom/appssdk/package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const typings = readFileSync(join(dirname(packageJson), 'dist/sdk.d.ts'), 'utf8');
  return parseSdkTypings(typings, `@zoom/appssdk ${version} dist/sdk.d.ts`);
}
