// @vitest-environment node
// The client's own realtime module (session client, socket link, outbox on a page's storage) against real server
// processes. It lives here, not in server/test, because only the client's compiler settings take the client's code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/src/store/sqlite/sqlite-store';
import { clusterScope, describeCluster, endpoint } from '../../../server/test/support/cluster';
import { choicePoll, type Endpoint, type Person } from '../../../server/test/support/harness';
import { spawnServer, type ServerProcess } from '../../../server/test/support/process';
import { MemoryStorage, openNodePanel, type NodePanel } from '../test/node-panel';
import { receiptKey, tallyKey } from './meeting-state';
import { RECONNECT_MAX_MS } from './reconnect-backoff';

/** A reconnect attempt may start up to RECONNECT_MAX_MS after the server is back; this covers its handshake. */
const HANDSHAKE_SLACK_MS = 5_000;
const VOTERS = 12;
const OPTIONS = ['a', 'b', 'c'];
const VOTE_GAP_MS = 40;

/** One voter's page: its storage outlives the panel (a reload opens a new panel on it). */
interface Voter {
  person: Person;
  server: Endpoint;
  storage: MemoryStorage;
  panel: NodePanel;
  clientBallotId?: string;
}

const panels: NodePanel[] = [];
async function open(server: Endpoint, person: Person, storage = new MemoryStorage()): Promise<NodePanel> {
  const panel = await openNodePanel(server, person, storage);
  panels.push(panel);
  await panel.waitFor('online', (p) => p.online);
  return panel;
}
afterEach(() => panels.splice(0).forEach((p) => p.close()));

async function launchPoll(host: NodePanel): Promise<string> {
  const created = await host.controller.request('poll:create', choicePoll());
  if (!created.ok) throw new Error(created.error.message);
  const opened = await host.controller.request('poll:open', { pollId: created.data.poll.id });
  if (!opened.ok) throw new Error(opened.error.message);
  return created.data.poll.id;
}

async function joinVoters(mid: string, serverOf: (i: number) => Endpoint, pollId: string): Promise<Voter[]> {
  const voters = await Promise.all(
    Array.from({ length: VOTERS }, async (_, i): Promise<Voter> => {
      const person = { mid, uid: `voter-${i}` };
      const storage = new MemoryStorage();
      const server = serverOf(i);
      return { person, server, storage, panel: await open(server, person, storage) };
    }),
  );
  await Promise.all(voters.map((v) => v.panel.waitFor('the open poll', (p) => p.poll(pollId)?.status === 'open')));
  return voters;
}

const vote = (v: Voter, pollId: string, i: number) =>
  (v.clientBallotId = v.panel.vote(pollId, OPTIONS[i % OPTIONS.length]!));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The voters vote one after another, VOTE_GAP_MS apart (a room answering, not one burst). */
async function voteSpread(voters: Voter[], pollId: string): Promise<void> {
  for (const [i, v] of voters.entries()) {
    vote(v, pollId, i);
    await sleep(VOTE_GAP_MS);
  }
}

/** SIGTERM: the graceful path of a deploy. Resolves once the process has drained and exited. */
async function terminate(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

/** Every panel is online again by itself within the backoff bound of the server being back, and never gave up. */
async function expectBackByThemselves(restarted: NodePanel[]): Promise<void> {
  await Promise.all(
    restarted.map((p) =>
      p.waitFor('back online within the backoff bound', (x) => x.online, RECONNECT_MAX_MS + HANDSHAKE_SLACK_MS),
    ),
  );
  for (const p of restarted) expect(p.statuses).not.toContain('offline');
}

/** Each voter's outbox is empty and the server holds exactly the ballot that voter submitted (its snapshot says so). */
async function expectCountedOnce(voters: Voter[], host: NodePanel, pollId: string): Promise<void> {
  const key = receiptKey(pollId, 1, 'q1');
  await Promise.all(
    voters.map((v) =>
      v.panel.waitFor(
        'its receipt',
        (p) => p.pending === 0 && p.controller.store.getState().receipts[key]?.clientBallotId === v.clientBallotId,
      ),
    ),
  );
  await host.waitFor(
    `a turnout of ${VOTERS}`,
    (p) => p.controller.store.getState().tallies[tallyKey(pollId, 1)]?.turnout === VOTERS,
  );
}

describe('SIGTERM of the only server process (SQLite) mid-poll', () => {
  const dir = mkdtempSync(joinPath(tmpdir(), 'quorum-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('brings every panel back by itself and counts every acknowledged, in-flight or queued ballot exactly once', async () => {
    const dbPath = joinPath(dir, 'q.db');
    const env = { DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: 'warn', TALLY_WINDOW_MS: '50' };
    const first = await spawnServer(env);
    const server = endpoint(first);
    const mid = 'graceful-restart';
    const host = await open(server, { mid, uid: 'host', role: 'host' });
    const pollId = await launchPoll(host);
    const voters = await joinVoters(mid, () => server, pollId);
    const [early, late] = [voters.slice(0, VOTERS / 2), voters.slice(VOTERS / 2)];

    // Half the room votes over a few hundred ms and the deploy's SIGTERM lands after the first ack: the rest go
    // out while the server drains, or after it hung up.
    const casting = voteSpread(early, pollId);
    await early[0]!.panel.waitFor('its first ack', (p) => p.pending === 0);
    await terminate(first);
    await casting;

    // The other half votes while no server runs: queued in each page's storage; two of those pages are then closed.
    late.forEach((v, i) => vote(v, pollId, i));
    for (const v of late) expect(v.panel.pending).toBe(1);
    for (const v of late) expect(v.storage.length).toBe(1);
    const reloaded = late.slice(0, 2);
    reloaded.forEach((v) => v.panel.close());

    const second = await spawnServer(env, undefined, Number(new URL(first.url).port));
    const stayed = voters.filter((v) => !reloaded.includes(v)).map((v) => v.panel);
    await expectBackByThemselves([host, ...stayed]);
    // The closed pages open again on the storage they kept, and send what it holds.
    for (const v of reloaded) v.panel = await open(server, v.person, v.storage);
    await expectCountedOnce(voters, host, pollId);
    await terminate(second);

    const store = openSqliteStore(dbPath);
    const stored = (await store.ballots.listForRun(pollId, 1)).map((b) => b.clientBallotId);
    await store.close();
    expect(stored.sort()).toEqual(voters.map((v) => v.clientBallotId).sort());
  }, 90_000);
});

describeCluster('SIGTERM of one of two server processes (PostgreSQL + Redis) mid-poll', () => {
  let scope: ReturnType<typeof clusterScope>;
  afterEach(async () => {
    panels.splice(0).forEach((p) => p.close());
    await scope.dispose();
  });

  it("brings A's panels back by themselves when A restarts, keeps B's online, and counts every ballot exactly once", async () => {
    scope = clusterScope();
    const extra = { TALLY_WINDOW_MS: '50' };
    const [a, b] = await Promise.all([scope.spawn(extra), scope.spawn(extra)]);
    const [onA, onB] = [endpoint(a), endpoint(b)];
    const mid = 'rolling-deploy';
    const host = await open(onB, { mid, uid: 'host', role: 'host' });
    const pollId = await launchPoll(host);
    const voters = await joinVoters(mid, (i) => (i % 2 === 0 ? onA : onB), pollId);
    const [ofA, ofB] = [voters.filter((v) => v.server === onA), voters.filter((v) => v.server === onB)];
    const [early, late] = [ofA.slice(0, ofA.length / 2), ofA.slice(ofA.length / 2)];

    const casting = voteSpread(early, pollId);
    await early[0]!.panel.waitFor('its first ack', (p) => p.pending === 0);
    await terminate(a);
    await casting;
    // While A is down its remaining voters queue their ballots, and B's voters vote as usual.
    late.forEach((v, i) => vote(v, pollId, i));
    for (const v of late) expect(v.panel.pending).toBe(1);
    ofB.forEach((v, i) => vote(v, pollId, i));

    await scope.spawn(extra, Number(new URL(a.url).port));
    await expectBackByThemselves(ofA.map((v) => v.panel));
    await expectCountedOnce(voters, host, pollId);
    // B's panels never lost their connection: online once, and nothing after.
    for (const p of [host, ...ofB.map((v) => v.panel)])
      expect(p.statuses.slice(p.statuses.indexOf('online'))).toEqual(['online']);
  }, 90_000);
});
