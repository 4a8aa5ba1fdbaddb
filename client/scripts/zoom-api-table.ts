/**
 * Rebuilds client/sim/policy/zoom-api-table.json from the installed `@zoom/appssdk` typings:
 * `npm run zoom:api-table`. Run it after upgrading the SDK; the table's test fails until you do.
 */
import { writeFileSync } from 'node:fs';
import { API_TABLE_PATH, readInstalledTable } from './installed-sdk';

const table = readInstalledTable();
writeFileSync(API_TABLE_PATH, `${JSON.stringify(table, null, 2)}\n`);
process.stdout.write(`${API_TABLE_PATH}: ${Object.keys(table.apis).length} APIs and events from ${table.source}\n`);
