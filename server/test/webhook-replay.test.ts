import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectDb, startCloudRig, waitFor } from './support/zoom-cloud';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(joinPath(tmpdir(), 'quorum-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run webhook:replay', () => {
  it('signs and sends every event of a file to a running server and prints each status', async () => {
    const rig = await startCloudRig();
    try {
      const file = joinPath(dir, 'events.json');
      const object = { uuid: 'mtg-replay', id: '1', topic: 'Replayed', host_id: 'h' };
      writeFileSync(
        file,
        JSON.stringify([
          { event: 'meeting.started', event_ts: 1, payload: { object } },
          {
            event: 'meeting.participant_joined',
            event_ts: 2,
            payload: { object: { ...object, participant: { user_name: 'Ann', participant_uuid: 'p-ann' } } },
          },
          { event: 'meeting.started', event_ts: 1, payload: { object } },
        ]),
      );
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'server/src/zoom/webhook-replay.ts', file, '--url', `${rig.server.url}/api/zoom/webhooks`],
        {
          cwd: repoRoot,
          env: { ...process.env, NODE_ENV: 'development' },
        },
      );
      expect(stdout).toContain('1/3 meeting.started → 200 {"received":true,"duplicate":false}');
      expect(stdout).toContain('2/3 meeting.participant_joined → 200');
      expect(stdout).toContain('3/3 meeting.started → 200 {"received":true,"duplicate":true}');
      await waitFor(() =>
        inspectDb(
          rig.server.dbPath,
          (db) =>
            (db.prepare("SELECT COUNT(*) AS n FROM webhook_inbox WHERE status = 'processed'").get() as { n: number })
              .n === 2,
        ),
      );
    } finally {
      await rig.close();
    }
  });
});
