import type { Poll, PollTally } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { choicePoll, launch, useTestServer, vote, type Client } from './support/harness';

const ctx = useTestServer();
const enter = ctx.enter;

/** The next `event` this client hears that passes `until`. */
const next = <T>(client: Client, event: 'poll:updated' | 'poll:tally', until: (value: T) => boolean) =>
  new Promise<T>((resolve) => {
    const handler = (value: T) => {
      if (!until(value)) return;
      client.socket.off(event, handler as never);
      resolve(value);
    };
    client.socket.on(event, handler as never);
  });

describe('taking a share back (poll:unshare)', () => {
  it('returns a host-only poll to turnout only for participants, now and for anyone joining later', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, choicePoll({ resultsVisibility: 'host_only' }));
    await vote(p, pollId, 'a');
    expect((await host.socket.emitWithAck('poll:share', { pollId })).ok).toBe(true);
    await p.waitForTally(pollId, (t) => t.questions !== undefined);

    const updated = next<Poll>(p, 'poll:updated', (poll) => poll.id === pollId);
    const redacted = next<PollTally>(p, 'poll:tally', (t) => t.pollId === pollId);
    const ack = await host.socket.emitWithAck('poll:unshare', { pollId });
    expect(ack).toMatchObject({ ok: true, data: { poll: { id: pollId, resultsShared: false } } });
    expect((await updated).resultsShared).toBe(false);
    const tally = await redacted;
    expect(tally.turnout).toBe(1);
    expect(tally.questions).toBeUndefined();

    const late = await enter({ mid: 'm1', uid: 'p2' });
    expect(late.snapshot.polls[0]?.resultsShared).toBe(false);
    expect(late.snapshot.tallies[0]).toMatchObject({ turnout: 1 });
    expect(late.snapshot.tallies[0]?.questions).toBeUndefined();
    // The host still sees every count.
    expect((await enter({ mid: 'm1', uid: 'h', role: 'host' })).snapshot.tallies[0]?.questions?.q1?.counts.a).toBe(1);
  });

  it('is refused to participants and for results that are not shared', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, choicePoll({ resultsVisibility: 'host_only' }));
    expect(await host.socket.emitWithAck('poll:unshare', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect((await host.socket.emitWithAck('poll:share', { pollId })).ok).toBe(true);
    expect(await p.socket.emitWithAck('poll:unshare', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const stillShared = await enter({ mid: 'm1', uid: 'p3' });
    expect(stillShared.snapshot.polls[0]?.resultsShared).toBe(true);
  });
});
