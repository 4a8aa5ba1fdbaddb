import { describe, expect, it, vi } from 'vitest';
import { clientBallotIdSchema, fail, ok, type Receipt, type Result, type SubmitBallots } from '@quorum/shared';
import { makeReceipt } from '../test/fixtures';
import { BallotOutbox, newClientBallotId, type OutboxIo } from './ballot-outbox';

type Reply = Result<{ receipts: Receipt[] }>;
const ballot = { pollId: 'p1', answers: [{ questionId: 'q1', answer: { kind: 'single' as const, optionId: 'a' } }] };
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

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

describe('ballot outbox', () => {
  it('makes protocol-valid client ballot ids', () => {
    const id = newClientBallotId();
    expect(clientBallotIdSchema.safeParse(id).success).toBe(true);
    expect(newClientBallotId()).not.toBe(id);
  });

  it('re-sends an unacknowledged submission with the same clientBallotId on every reconnect', async () => {
    const { io, sends } = scriptedIo();
    const outbox = new BallotOutbox(io);
    const id = outbox.submit(ballot);
    expect(outbox.isSending('p1')).toBe(true);
    sends[0]!.reject(new Error('timeout'));
    await flushPromises();
    expect(outbox.getSnapshot()).toHaveLength(1);
    outbox.flush();
    outbox.flush();
    expect(sends.map((s) => s.cast.clientBallotId)).toEqual([id, id, id]);
    expect(sends[2]!.cast).toEqual({ ...ballot, clientBallotId: id });
  });

  it('removes a ballot on its ack and reports the receipt once', async () => {
    const { io, sends } = scriptedIo();
    const outbox = new BallotOutbox(io, () => 'cbid0001');
    const listener = vi.fn();
    outbox.subscribe(listener);
    outbox.submit(ballot);
    outbox.flush();
    sends[0]!.resolve(ok({ receipts: [makeReceipt()] }));
    sends[1]!.resolve(ok({ receipts: [makeReceipt()] }));
    await flushPromises();
    expect(outbox.getSnapshot()).toEqual([]);
    expect(outbox.isSending('p1')).toBe(false);
    expect(io.onReceipts).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(2);
    outbox.flush();
    expect(sends).toHaveLength(2);
  });

  it('removes a ballot on an error ack and reports the error', async () => {
    const { io, sends } = scriptedIo();
    const outbox = new BallotOutbox(io);
    outbox.submit(ballot);
    sends[0]!.resolve(fail('POLL_CLOSED', 'this poll is not open for voting'));
    await flushPromises();
    expect(outbox.getSnapshot()).toEqual([]);
    expect(io.onRejected).toHaveBeenCalledWith(expect.objectContaining({ pollId: 'p1' }), {
      code: 'POLL_CLOSED',
      message: 'this poll is not open for voting',
    });
  });
});
