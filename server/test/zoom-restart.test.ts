import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { simOutboxSchema } from '@quorum/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { disconnectAll, join, launch, startServer } from './support/harness';
import { spawnServer } from './support/process';
import { api, authorizeInClient, inspectDb, waitFor, type CloudRig } from './support/zoom-cloud';

const dir = mkdtempSync(joinPath(tmpdir(), 'quorum-inbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MID = 'mtg-restart==';

describe('the durable webhook inbox across a process restart', () => {
  it('processes an event the previous process stored but never handled, with the dev fake cloud wired in', async () => {
    const dbPath = joinPath(dir, 'q.db');
    const first = await startServer({}, dbPath);
    const host = await join(first, { mid: MID, uid: 'h', role: 'host' });
    const pollId = await launch(host);
    disconnectAll(host);
    await first.close({ keepData: true });

    // What the webhook route writes before answering 200, left pending as by a crash before the drain.
    const store = openSqliteStore(dbPath);
    const payload = JSON.stringify({ object: { uuid: MID, topic: 'After the crash', host_id: 'h' } });
    await store.webhooks.enqueue({
      event: 'meeting.ended',
      eventTs: Date.now(),
      trackingId: 'left-over',
      eventKey: 'meeting.ended:left-over',
      payload,
      receivedAt: Date.now(),
    });
    await store.close();

    const second = await spawnServer({ DATABASE_URL: `sqlite:${dbPath}` });
    try {
      const endpoint = { url: second.url, config: testConfig() };
      await waitFor(
        () =>
          inspectDb(
            dbPath,
            (db) =>
              (
                db.prepare("SELECT status FROM webhook_inbox WHERE tracking_id = 'left-over'").get() as {
                  status: string;
                }
              ).status === 'processed',
          ),
        10_000,
        'the left-over event',
      );
      const again = await join(endpoint, { mid: MID, uid: 'h', role: 'host' });
      expect(again.snapshot.polls.find((p) => p.id === pollId)).toMatchObject({ status: 'closed' });

      // npm start's defaults: the summary goes to the in-process fake cloud, which the simulator lists.
      const outbox = await waitFor(
        async () => {
          const body = simOutboxSchema.parse(await (await fetch(`${second.url}/sim/zoom/outbox`)).json());
          return body.webhooks.length > 0 && body;
        },
        10_000,
        'the dev outgoing webhook',
      );
      expect(outbox.webhooks[0]).toMatchObject({ name: 'dev', status: 200, signatureValid: true });
      const deliveries = (await (await api(endpoint, '/api/deliveries', again.token)).json()) as {
        deliveries: { kind: string; status: string }[];
      };
      expect(deliveries.deliveries).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'email', status: 'skipped' })]),
      );

      // …and in-client OAuth runs against the fake cloud at ${PUBLIC_URL}/sim/zoom with no Zoom variables set.
      const publicUrl = `http://localhost:${new URL(second.url).port}`;
      const rig = {
        server: { url: second.url, config: testConfig({ publicUrl }) },
        cloudUrl: `${second.url}/sim/zoom`,
      } as CloudRig;
      const { res, token } = await authorizeInClient(rig, { mid: MID, uid: 'h', role: 'host' });
      expect(res.status).toBe(200);
      expect(await (await api(endpoint, '/api/zoom/meeting', token)).json()).toMatchObject({
        topic: 'Simulated meeting',
        hostId: 'h',
        isHost: true,
      });
      disconnectAll(again);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 60_000);
});
