import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { signatureHeaders, ZOOM_SIGNATURE_HEADER, ZOOM_TIMESTAMP_HEADER } from './webhook-signature';

/** The outcome of sending one event. */
export interface ReplayResult {
  event: string;
  status: number | null;
  body: string;
}

/**
 * Sends each event as Zoom would: its JSON as the body, signed now with the secret token. Events are
 * sent one after another, in file order, so a join is seen before its leave.
 */
export async function replayEvents(
  events: readonly unknown[],
  target: { url: string; secret: string },
): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for (const event of events) {
    const body = JSON.stringify(event);
    const { timestamp, signature } = signatureHeaders(target.secret, body, Date.now());
    const name =
      typeof event === 'object' && event !== null && 'event' in event ? String(event.event) : '(no event name)';
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ZOOM_TIMESTAMP_HEADER]: timestamp,
          [ZOOM_SIGNATURE_HEADER]: signature,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      results.push({ event: name, status: res.status, body: (await res.text()).slice(0, 300) });
    } catch (error) {
      results.push({ event: name, status: null, body: (error as Error).message });
    }
  }
  return results;
}

const USAGE = 'usage: npm run webhook:replay -- <events.json> [--url http://localhost:3000/api/zoom/webhooks]';

/** CLI: `npm run webhook:replay -- file.json [--url …]`; the secret comes from ZOOM_WEBHOOK_SECRET_TOKEN (dev default otherwise). */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { url: { type: 'string' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  const events = Array.isArray(parsed) ? parsed : [parsed];
  const url = values.url ?? `${config.publicUrl}/api/zoom/webhooks`;
  const results = await replayEvents(events, { url, secret: config.zoomWebhookSecretToken });
  results.forEach((r, i) =>
    process.stdout.write(`${i + 1}/${results.length} ${r.event} → ${r.status ?? 'no answer'} ${r.body}\n`),
  );
  return results.every((r) => r.status !== null && r.status < 300) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
      process.exit(2);
    },
  );
}
