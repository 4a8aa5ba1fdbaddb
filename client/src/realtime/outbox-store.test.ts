import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok, type Receipt, type Result, type SubmitBallots } from '@quorum/shared';
import { makeReceipt } from '../test/fixtures';
import { BallotOutbox, type OutboxIo } from './ballot-outbox';
import { outboxKey, persistentOutboxStore } from './outbox-store';

type Reply = Result<{ receipts: Receipt[] }>;
const ballot = { pollId: 'p1', answers: [{ questionId: 'q1', answer: { kind: 'single' as const, optionId: 'a' } }] };
const changed = { pollId: 'p1', answers: [{ questionId: 'q1', answer: { kind: 'single' as const, optionId: 'b' } }] };
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
const key = outboxKey('meeting-1', 'u:alice');

/** An io whose sends stay pending until the test answers or drops them. */
function scriptedIo() {
  const sends: { cast: SubmitBallots; resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  const io: OutboxIo = {
    send: (cast) => new Promise<Reply>((resolve, reject) => sends.push({ cast, resolve, reject })),
    onReceipts: vi.fn(),
    onRejected: vi.fn(),
  };
  return { io, sends };
}

/** A page load: a new outbox over the same localStorage, as after a reload. */
const load = (io: OutboxIo, storage: () => Storage | null = () => window.localStorage) =>
  new BallotOutbox(io, undefined, persistentOutboxStore(key, storage));

afterEach(() => window.localStorage.clear());

describe('the durable ballot outbox', () => {
  it('keeps a queued and a changed vote across a reload and re-sends each once, with the same clientBallotId', async () => {
    const before = scriptedIo();
    const first = load(before.io);
    const queued = first.submit(ballot);
    const change = first.submit(changed);
    before.sends.forEach((s) => s.reject(new Error('offline')));
    await flushPromises();

    const after = scriptedIo();
    const reloaded = load(after.io);
    expect(reloaded.getSnapshot().map((s) => s.clientBallotId)).toEqual([queued, change]);
    expect(after.sends).toHaveLength(0);
    reloaded.flush();
    expect(after.sends.map((s) => s.cast)).toEqual([
      { ...ballot, clientBallotId: queued },
      { ...changed, clientBallotId: change },
    ]);
    after.sends.forEach((s) => s.resolve(ok({ receipts: [makeReceipt()] })));
    await flushPromises();
    expect(window.localStorage.getItem(key)).toBeNull();
    // Acknowledged: nothing is sent again after the next reload.
    const third = scriptedIo();
    load(third.io).flush();
    expect(third.sends).toHaveLength(0);
  });

  it('drops an entry refused for good, and keeps it apart per meeting and voter', async () => {
    const { io, sends } = scriptedIo();
    const outbox = load(io);
    outbox.submit(ballot);
    expect(JSON.parse(window.localStorage.getItem(key)!)).toHaveLength(1);
    expect(window.localStorage.getItem(outboxKey('meeting-1', 'u:bob'))).toBeNull();
    expect(
      new BallotOutbox(
        scriptedIo().io,
        undefined,
        persistentOutboxStore(outboxKey('meeting-2', 'u:alice')),
      ).getSnapshot(),
    ).toEqual([]);
    sends[0]!.resolve({ ok: false, error: { code: 'POLL_CLOSED', message: 'this poll is not open for voting' } });
    await flushPromises();
    expect(window.localStorage.getItem(key)).toBeNull();
  });

  it('ignores stored entries that are not valid submissions', () => {
    window.localStorage.setItem(
      key,
      JSON.stringify([
        { ...ballot, clientBallotId: 'ok_id_0001' },
        { pollId: 'p1', answers: 'nope', clientBallotId: 'x' },
        42,
      ]),
    );
    expect(
      load(scriptedIo().io)
        .getSnapshot()
        .map((s) => s.clientBallotId),
    ).toEqual(['ok_id_0001']);
    window.localStorage.setItem(key, '{not json');
    expect(load(scriptedIo().io).getSnapshot()).toEqual([]);
  });

  it('falls back to memory when storage is blocked (a framed app) and when a write throws', async () => {
    const blocked = persistentOutboxStore(key, () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(blocked.durable).toBe(false);
    const { io, sends } = scriptedIo();
    const outbox = new BallotOutbox(io, undefined, blocked);
    const id = outbox.submit(ballot);
    sends[0]!.reject(new Error('offline'));
    await flushPromises();
    outbox.flush();
    expect(sends[1]!.cast.clientBallotId).toBe(id);

    const full: Storage = Object.assign(Object.create(window.localStorage) as Storage, {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    });
    const quota = persistentOutboxStore(key, () => full);
    const kept = new BallotOutbox(scriptedIo().io, undefined, quota);
    kept.submit(ballot);
    expect(quota.durable).toBe(false);
    expect(kept.getSnapshot()).toHaveLength(1);
  });
});
