import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { QaSettingsPatch, QaUpdate } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import {
  ballotId,
  connectSession,
  disconnectAll,
  join,
  openSession,
  startServer,
  useTestServer,
  type Client,
  type Person,
} from './support/harness';
import { sleep } from './support/requests';
import { inspectDb } from './support/zoom-cloud';

// Upvotes share the ballot budget; raised here so the duplicate-send test measures idempotency, not the limit.
const ctx = useTestServer({ ballotRateLimit: 1_000 });

/** A client that records every message it receives, to check what a participant could ever see. */
interface Watched extends Client {
  received: unknown[];
  latest(): QaUpdate | undefined;
  mine(): QaUpdate | undefined;
  until(what: (u: QaUpdate) => boolean, event?: 'qa:update' | 'qa:mine'): Promise<QaUpdate>;
}

async function enter(person: Person): Promise<Watched> {
  const c = await ctx.enter(person);
  const received: unknown[] = [c.snapshot];
  const last: Record<string, QaUpdate | undefined> = { 'qa:update': c.snapshot.qa, 'qa:mine': c.snapshot.qa };
  const waiters = new Set<() => void>();
  c.socket.onAny((event: string, ...args: unknown[]) => {
    received.push([event, ...args]);
    if (event !== 'qa:update' && event !== 'qa:mine') return;
    const update = args[0] as QaUpdate;
    if ((last[event]?.version ?? -1) <= update.version) last[event] = update;
    waiters.forEach((w) => w());
  });
  const until = (what: (u: QaUpdate) => boolean, event: 'qa:update' | 'qa:mine' = 'qa:update') =>
    new Promise<QaUpdate>((resolve, reject) => {
      const check = () => {
        const u = last[event];
        if (u && what(u)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(u);
        }
      };
      const timer = setTimeout(
        () => reject(new Error(`no ${event} matched; last ${JSON.stringify(last[event])}`)),
        5_000,
      );
      waiters.add(check);
      check();
    });
  return { ...c, received, latest: () => last['qa:update'], mine: () => last['qa:mine'], until };
}

const settings = (c: Client, patch: QaSettingsPatch) => c.socket.emitWithAck('qa:settings', patch);
const ask = (c: Client, text: string, anonymous = false, clientId = ballotId()) =>
  c.socket.emitWithAck('qa:ask', { text, anonymous, clientId });
const upvote = (c: Client, questionId: string, up = true, clientId = ballotId()) =>
  c.socket.emitWithAck('qa:upvote', { questionId, up, clientId });

async function asked(c: Client, text: string, anonymous = false): Promise<string> {
  const r = await ask(c, text, anonymous);
  if (!r.ok) throw new Error(r.error.message);
  return r.data.question.id;
}

async function meeting(mid = 'm1') {
  const host = await enter({ mid, uid: `host-${mid}`, role: 'host' });
  expect(await settings(host, { enabled: true })).toMatchObject({ ok: true, data: { settings: { enabled: true } } });
  const people = await Promise.all(['a', 'b', 'c'].map((uid) => enter({ mid, uid: `${uid}-${mid}` })));
  return { host, people };
}

describe('audience Q&A over real sockets', () => {
  it('never lets a participant see who asked an anonymous question, in any payload', async () => {
    const { host, people } = await meeting();
    const [asker, named, watcher] = people as [Watched, Watched, Watched];
    const secret = await asked(asker, 'Is the reorg real?', true);
    const open = await asked(named, 'When is lunch?');
    expect(await upvote(asker, open)).toEqual({ ok: true, data: { questionId: open, up: true } });
    await watcher.until((u) => u.questions.length === 2 && u.questions[0]?.upvotes === 1);
    const hostView = await host.until((u) => u.questions.length === 2 && u.questions[0]?.upvotes === 1);
    expect(hostView.questions.find((q) => q.id === open)).toMatchObject({ askerId: named.session.voterId });
    expect(hostView.questions.find((q) => q.id === secret)).not.toHaveProperty('askerId');
    const late = await enter({ mid: 'm1', uid: 'late' });
    expect(late.snapshot.qa?.questions.map((q) => q.id)).toEqual([open, secret]);
    await sleep(100); // every pending broadcast has arrived
    for (const other of [named, watcher, late, host])
      expect(JSON.stringify(other.received)).not.toContain(asker.session.voterId);
    // Participants never get an asker id at all, not even of named questions.
    for (const p of [asker, watcher, late]) expect(JSON.stringify(p.received)).not.toContain('askerId');
    expect(asker.mine()?.questions.map((q) => q.id)).toEqual([secret]);
  });

  it('counts one upvote per person under 100 concurrent duplicate sends', async () => {
    const { host, people } = await meeting();
    const [asker, same, many] = people as [Watched, Watched, Watched];
    const q = await asked(asker, 'Can we go remote?');
    const clientId = ballotId();
    const acks = await Promise.all([
      ...Array.from({ length: 100 }, () => upvote(same, q, true, clientId)),
      ...Array.from({ length: 100 }, () => upvote(many, q)),
    ]);
    expect(acks.every((a) => a.ok && a.data.up)).toBe(true);
    await host.until((u) => u.questions[0]?.upvotes === 2);
    await sleep(150);
    expect(host.latest()?.questions[0]?.upvotes).toBe(2);
    // Taking it back, then the first request re-sent after a reconnect: still taken back.
    expect(await upvote(same, q, false)).toMatchObject({ ok: true, data: { up: false } });
    expect(await upvote(same, q, true, clientId)).toMatchObject({ ok: true, data: { up: false } });
    await host.until((u) => u.questions[0]?.upvotes === 1);
  });

  it('refuses moderation and settings to participants, and to co-hosts when the host keeps polls to themself', async () => {
    const { host, people } = await meeting();
    const p = people[0]!;
    const q = await asked(p, 'Who decides?');
    expect(await p.socket.emitWithAck('qa:moderate', { action: 'dismiss', questionIds: [q] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await settings(p, { closed: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cohost = await enter({ mid: 'm1', uid: 'co', role: 'co-host' });
    expect(await cohost.socket.emitWithAck('qa:moderate', { action: 'answer', questionIds: [q] })).toMatchObject({
      ok: true,
      data: { questions: [{ id: q, status: 'answered' }] },
    });
    expect(await host.socket.emitWithAck('meeting:settings', { coHostsMayRun: false })).toMatchObject({ ok: true });
    expect(await cohost.socket.emitWithAck('qa:moderate', { action: 'archive', questionIds: [q] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('holds questions for review: the asker sees theirs waiting, others only once approved, dismissal reaches the asker', async () => {
    const { host, people } = await meeting();
    const [asker, other] = people as [Watched, Watched];
    expect(await settings(host, { reviewFirst: true })).toMatchObject({ ok: true });
    const first = await asked(asker, 'First?');
    const second = await asked(asker, 'Second?');
    await asker.until((u) => u.questions.length === 2 && u.questions.every((q) => q.status === 'waiting'), 'qa:mine');
    await host.until((u) => u.questions.filter((q) => q.status === 'waiting').length === 2);
    expect(other.latest()?.questions ?? []).toEqual([]);
    const bulk = { action: 'approve' as const, questionIds: [first] };
    expect(await host.socket.emitWithAck('qa:moderate', bulk)).toMatchObject({ ok: true });
    await other.until((u) => u.questions.length === 1 && u.questions[0]?.id === first);
    expect(await host.socket.emitWithAck('qa:moderate', { action: 'dismiss', questionIds: [second] })).toMatchObject({
      ok: true,
    });
    await asker.until((u) => u.questions.find((q) => q.id === second)?.status === 'dismissed', 'qa:mine');
    expect(
      await host.socket.emitWithAck('qa:moderate', { action: 'pin', questionId: first, pinned: true }),
    ).toMatchObject({
      ok: true,
    });
    const reply = { action: 'reply' as const, questionId: first, reply: 'Yes, on Friday' };
    expect(await host.socket.emitWithAck('qa:moderate', reply)).toMatchObject({ ok: true });
    await other.until((u) => u.questions[0]?.pinned === true && u.questions[0]?.reply === 'Yes, on Friday');
    expect(other.latest()?.questions.map((q) => q.id)).toEqual([first]);
  });

  it('answers bad input with a clear code and changes nothing', async () => {
    const { host, people } = await meeting();
    const [p, q2, flooder] = people as [Watched, Watched, Watched];
    const elsewhere = await meeting('m2');
    const foreign = await asked(elsewhere.people[0]!, 'Another meeting?');
    expect(await settings(host, { maxLength: 40 })).toMatchObject({ ok: true });
    const live = await asked(q2, 'Live question');
    const dismissed = await asked(q2, 'To be dismissed');
    await host.socket.emitWithAck('qa:moderate', { action: 'dismiss', questionIds: [dismissed] });
    const before = (await host.until((u) => u.questions.some((q) => q.status === 'dismissed'))).version;

    expect(await ask(p, '   ')).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'text' } });
    expect(await ask(p, 'x'.repeat(41))).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'text' } });
    expect(await ask(p, 'x'.repeat(5000))).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'text' } });
    expect(await upvote(p, dismissed)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await upvote(p, foreign)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await p.socket.emitWithAck('qa:edit', { questionId: live, text: 'Hijacked' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await host.socket.emitWithAck('qa:moderate', { action: 'answer', questionIds: [live, foreign] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await p.socket.emitWithAck('qa:upvote', { questionId: live, up: 'yes', clientId: ballotId() } as never),
    ).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'up' } });
    await sleep(100);
    const unchanged = await enter({ mid: 'm1', uid: 'host-m1', role: 'host' });
    expect(unchanged.snapshot.qa?.version).toBe(before);
    expect(unchanged.snapshot.qa?.questions.find((q) => q.id === live)).toMatchObject({ status: 'live', upvotes: 0 });

    // A flood: the budget is per person, whatever socket they use (refused asks count too, as ballots do).
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await ask(flooder, `Question ${i}`));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const again = await enter({ mid: 'm1', uid: 'c-m1' });
    expect(await ask(again, 'From another socket')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('lets the asker edit and withdraw until answered, and refuses everything once closed or off', async () => {
    const { host, people } = await meeting();
    const p = people[0]!;
    const q = await asked(p, 'Draft question');
    const same = await ask(p, 'Draft question', false);
    expect(same.ok && same.data.question.id).not.toBe(q); // another client id is another question
    expect(await p.socket.emitWithAck('qa:edit', { questionId: q, text: 'Better question' })).toMatchObject({
      ok: true,
      data: { question: { text: 'Better question', mine: true } },
    });
    await host.socket.emitWithAck('qa:moderate', { action: 'answer', questionIds: [q] });
    expect(await p.socket.emitWithAck('qa:withdraw', { questionId: q })).toMatchObject({
      ok: false,
      error: { code: 'QUESTION_LOCKED' },
    });
    if (!same.ok) throw new Error('ask failed');
    expect(await p.socket.emitWithAck('qa:withdraw', { questionId: same.data.question.id })).toMatchObject({
      ok: true,
    });
    expect(await settings(host, { closed: true })).toMatchObject({ ok: true });
    expect(await ask(p, 'Too late')).toMatchObject({ ok: false, error: { code: 'QA_CLOSED' } });
    expect(await settings(host, { enabled: false })).toMatchObject({ ok: true });
    expect(await ask(p, 'Off')).toMatchObject({ ok: false, error: { code: 'QA_OFF' } });
    const update = await p.until((u) => !u.settings.enabled);
    expect(update.questions.map((x) => x.id)).toEqual([q]);
  });

  it('takes questions from breakout rooms into the one meeting list; the host sees the room unless anonymous', async () => {
    const { host, people } = await meeting();
    const inRoom = await enter({ mid: 'room-uuid-1', pid: 'm1', uid: 'roomie' });
    expect(inRoom.session).toMatchObject({ meetingId: 'm1', roomId: 'room-uuid-1' });
    const named = await asked(inRoom, 'From the room');
    const anon = await asked(inRoom, 'Anonymous from the room', true);
    expect(await upvote(people[0]!, named)).toMatchObject({ ok: true });
    const view = await host.until((u) => u.questions.length === 2 && u.questions[0]?.upvotes === 1);
    expect(view.questions.find((q) => q.id === named)).toMatchObject({
      roomId: 'room-uuid-1',
      askerId: inRoom.session.voterId,
    });
    expect(view.questions.find((q) => q.id === anon)).not.toHaveProperty('roomId');
    await people[1]!.until((u) => u.questions.length === 2);
    expect(JSON.stringify(people[1]!.received)).not.toContain('room-uuid-1');
  });

  it('acknowledges only what is on disk, and a restarted server serves the same list', async () => {
    const { host, people } = await meeting();
    const q = await asked(people[0]!, 'Durable?');
    expect(await upvote(people[1]!, q)).toMatchObject({ ok: true });
    // Read behind the server's back the moment the acks are in: committed, not buffered.
    const rows = inspectDb(ctx.server.dbPath, (db) => ({
      questions: db.prepare('SELECT COUNT(*) AS n FROM qa_questions').get(),
      upvotes: db.prepare('SELECT COUNT(*) AS n FROM qa_upvotes WHERE question_id = ?').get(q),
    }));
    expect(rows).toEqual({ questions: { n: 1 }, upvotes: { n: 1 } });
    const before = await host.until((u) => u.questions[0]?.upvotes === 1);
    disconnectAll(host, ...people);
    await ctx.server.close({ keepData: true });
    const again = await startServer({}, ctx.server.dbPath);
    try {
      const back = await join(again, { mid: 'm1', uid: 'host-m1', role: 'host' });
      expect(back.snapshot.qa).toEqual(before);
      disconnectAll(back);
    } finally {
      await again.close();
      rmSync(dirname(again.dbPath), { recursive: true, force: true });
    }
    ctx.server = await startServer(); // the hook closes this one
  });

  it('lets a guest who signs in keep their question, and still counts one upvote per person', async () => {
    const { host, people } = await meeting();
    const q = await asked(people[0]!, 'Open to all?');
    const guest = await enter({ mid: 'm1' });
    const mine = await asked(guest, 'Asked as a guest');
    expect(await upvote(guest, q)).toMatchObject({ ok: true });
    guest.socket.disconnect();
    const user = await connectSession(
      ctx.server,
      await openSession(ctx.server, { mid: 'm1', uid: 'zu-g' }, guest.token),
    );
    ctx.clients.push(user);
    expect(user.snapshot.qa?.questions.find((x) => x.id === mine)).toMatchObject({ mine: true });
    expect(user.snapshot.qa?.questions.find((x) => x.id === q)).toMatchObject({ upvoted: true, upvotes: 1 });
    expect(await upvote(user, q)).toMatchObject({ ok: true, data: { up: true } });
    expect(await user.socket.emitWithAck('qa:edit', { questionId: mine, text: 'Signed in now' })).toMatchObject({
      ok: true,
    });
    await host.until(
      (u) => u.questions.find((x) => x.id === q)?.upvotes === 1 && u.questions.some((x) => x.text === 'Signed in now'),
    );
  });
});
