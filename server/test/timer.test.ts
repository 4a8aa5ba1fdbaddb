import { describe, expect, it } from 'vitest';
import { choicePoll, launch, useTestServer, vote } from './support/harness';
import { nextPollUpdate, sleep } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

describe('countdown timer', () => {
  it('sends closesAt with the server time, extends the deadline and closes at the new one', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const opened = nextPollUpdate(p, (x) => x.status === 'open');
    const pollId = await launch(host, choicePoll({ closeAfterSec: 5 }));
    const first = await opened;
    expect(first.poll.closesAt! - first.serverTime).toBeGreaterThan(4_800);
    expect(Math.abs(first.serverTime - Date.now())).toBeLessThan(1_000);

    const extendedSeen = nextPollUpdate(p, (x) => x.closesAt !== first.poll.closesAt);
    const extended = await host.socket.emitWithAck('poll:extend', { pollId, seconds: 2 });
    expect(extended).toMatchObject({
      ok: true,
      data: { poll: { status: 'open', closesAt: first.poll.closesAt! + 2_000 } },
    });
    expect((await extendedSeen).poll.closesAt).toBe(first.poll.closesAt! + 2_000);

    const closed = nextPollUpdate(p, (x) => x.status === 'closed');
    await sleep(first.poll.closesAt! - Date.now() + 300);
    expect((await vote(p, pollId, 'a')).ok).toBe(true); // the old deadline passed; the poll is still open
    const { at } = await closed;
    expect(at).toBeGreaterThanOrEqual(first.poll.closesAt! + 2_000 - 50);
    expect(await vote(p, pollId, 'b')).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
  }, 15_000);

  it('stops the timer: the poll stays open past its old deadline until the host closes it', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host, choicePoll({ closeAfterSec: 5 }));
    expect(await host.socket.emitWithAck('poll:stop-timer', { pollId })).toMatchObject({
      ok: true,
      data: { poll: { status: 'open', closesAt: null } },
    });
    await sleep(5_300);
    expect((await vote(p, pollId, 'a')).ok).toBe(true);
    expect(await host.socket.emitWithAck('poll:stop-timer', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'pollId' },
    });
    // Extending a poll without a timer starts a countdown from now.
    const started = await host.socket.emitWithAck('poll:extend', { pollId, seconds: 60 });
    expect(started.ok && started.data.poll.closesAt! - Date.now()).toBeGreaterThan(58_000);
  }, 15_000);

  it('refuses bad timer requests, from participants and on closed polls', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host);
    expect(await p.socket.emitWithAck('poll:extend', { pollId, seconds: 30 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await p.socket.emitWithAck('poll:stop-timer', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const seconds of [0, 3601, 1.5, '30']) {
      expect(await host.socket.emitWithAck('poll:extend', { pollId, seconds } as never)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'seconds' },
      });
    }
    await host.socket.emitWithAck('poll:close', { pollId });
    expect(await host.socket.emitWithAck('poll:extend', { pollId, seconds: 30 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'pollId' },
    });
  });
});
