/**
 * `npm run manifest -- https://quorum.example.com` prints Quorum's Zoom app manifest (JSON) for that
 * public URL (default: PUBLIC_URL); `--readme` rewrites the README's generated API list instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildZoomManifest, zoomApisMarkdown } from './zoom-manifest';
import { README_PATH, replaceGeneratedBlock } from './readme-block';

const args = process.argv.slice(2);
if (args.includes('--readme')) {
  writeFileSync(README_PATH, replaceGeneratedBlock(readFileSync(README_PATH, 'utf8'), zoomApisMarkdown()));
  process.stdout.write(`${join(README_PATH)}: Zoom API list rewritten\n`);
} else {
  const url = args.find((a) => !a.startsWith('--')) ?? process.env.PUBLIC_URL ?? 'https://localhost:3000';
  process.stdout.write(`${JSON.stringify(buildZoomManifest(url), null, 2)}\n`);
}
