import type { SessionEnded } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { choicePoll, connectSession, launch, openSession, useTestServer, vote, type Client } from './support/harness';

/** Resolves with the `session:ended` the server sends and once the socket is closed. */
function endedAndClosed(client: Client): Promise<SessionEnded> {
  return new Promise((resolve) => {
    let ended: SessionEnded | undefined;
    client.socket.once('session:ended', (why) => (ended = why));
    client.socket.once('disconnect', () => resolve(ended!));
  });
}

describe('a live socket whose session expires', () => {
  // A 1 s bearer token: the socket's session runs out while it is open.
  const ctx = useTestServer({ sessionTokenTtlSec: 1 });

  it('is ended with SESSION_EXPIRED on a timer, even when idle', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const voter = await ctx.enter({ mid: 'm1', uid: 'v' });
    const pollId = await launch(host);
    expect((await vote(voter, pollId, 'a')).ok).toBe(true);
    const [hostEnded, voterEnded] = await Promise.all([endedAndClosed(host), endedAndClosed(voter)]);
    expect(hostEnded).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(voterEnded).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(host.socket.connected || voter.socket.connected).toBe(false);
  });
});

describe('a host demoted by a newer context', () => {
  const ctx = useTestServer();

  it('loses host powers: the open socket is ended with ROLE_CHANGED and the old token reconnects as participant', async () => {
    const other = await ctx.enter({ mid: 'm1', uid: 'h2', role: 'host' });
    const asHost = await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'host' });
    const host = await connectSession(ctx.server, asHost);
    ctx.clients.push(host);
    const pollId = await launch(other);
    const ended = endedAndClosed(host);
    // Zoom now says participant (the host handed over and was demoted): a fresh context, a new session.
    await openSession(ctx.server, { mid: 'm1', uid: 'h', role: 'participant' });
    expect(await ended).toMatchObject({ code: 'ROLE_CHANGED' });
    // The token from before the demotion still verifies, but carries the newest role.
    const again = await connectSession(ctx.server, asHost);
    ctx.clients.push(again);
    expect(await again.socket.emitWithAck('poll:close', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await again.socket.emitWithAck('poll:create', choicePoll())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await vote(again, pollId, 'b')).ok).toBe(true);
  });
});

describe('each request re-checks the session', () => {
  const ctx = useTestServer();

  it('answers UNAUTHENTICATED and ends the socket when the session ran out before its timer fired', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'h', role: 'host' });
    const pollId = await launch(host);
    // As after a suspended laptop or a clock step: the session is past its expiry, the timer not yet run.
    const [serverSide] = await ctx.server.app.io.local.fetchSockets();
    serverSide!.data.session = { ...serverSide!.data.session, exp: Date.now() - 1 };
    const ended = endedAndClosed(host);
    expect(await host.socket.emitWithAck('poll:close', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await ended).toMatchObject({ code: 'SESSION_EXPIRED' });
    const poll = await ctx.server.app.polls.guard.pollFor(
      { voterId: 'observer', meetingId: 'm1', role: 'host', exp: Infinity },
      pollId,
      'see',
    );
    expect(poll.ok && poll.data.status).toBe('open');
  });
});
