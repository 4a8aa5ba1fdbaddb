import { describe, expect, it } from 'vitest';
import { choicePoll, launch, useTestServer, vote } from './support/harness';

const ctx = useTestServer();

describe('who has voted, for the invitation picker', () => {
  it('lists the participant UUIDs that voted in the current run, for hosts only', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' }, { participantUUID: 'P-host' });
    const ines = await ctx.enter({ mid: 'm1', uid: 'ines' }, { participantUUID: 'P-ines' });
    await ctx.enter({ mid: 'm1', uid: 'omar' }, { participantUUID: 'P-omar' });
    const pollId = await launch(host);
    expect(await host.socket.emitWithAck('poll:voters', { pollId })).toEqual({
      ok: true,
      data: { anonymous: false, participantUUIDs: [] },
    });

    expect((await vote(ines, pollId, 'a')).ok).toBe(true);
    expect(await host.socket.emitWithAck('poll:voters', { pollId })).toEqual({
      ok: true,
      data: { anonymous: false, participantUUIDs: ['P-ines'] },
    });
    expect(await ines.socket.emitWithAck('poll:voters', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await host.socket.emitWithAck('poll:close', { pollId });
    await host.socket.emitWithAck('poll:open', { pollId });
    expect(await host.socket.emitWithAck('poll:voters', { pollId })).toMatchObject({
      ok: true,
      data: { participantUUIDs: [] },
    });
  });

  it('tells nothing about anonymous polls', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await ctx.enter({ mid: 'm1', uid: 'p' }, { participantUUID: 'P-p' });
    const pollId = await launch(host, choicePoll({ anonymous: true }));
    await vote(p, pollId, 'b');
    expect(await host.socket.emitWithAck('poll:voters', { pollId })).toEqual({
      ok: true,
      data: { anonymous: true, participantUUIDs: [] },
    });
  });
});
