import { describe, expect, it } from 'vitest';
import { choicePoll, connectSession, launch, openSession, useTestServer, vote } from './support/harness';

const ctx = useTestServer();

// Zoom's guest mode: no `uid` in the app context until the guest adds the app (promptAuthorize). The
// page then renews its session with its guest token and the new context; the vote must stay one.
describe('a guest who signs in', () => {
  it('keeps the ballot cast as a guest, once, and cannot vote again in a poll without changes', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'host', role: 'host' });
    const pollId = await launch(host, choicePoll({ allowAnswerChange: false }));
    const guest = await ctx.enter({ mid: 'm1' });
    expect(guest.session.authorized).toBe(false);
    expect(await vote(guest, pollId, 'b')).toMatchObject({ ok: true });
    await host.waitForTally(pollId, (t) => t.turnout === 1);
    guest.socket.disconnect();

    const renewed = await openSession(ctx.server, { mid: 'm1', uid: 'zu-guest' }, guest.token);
    expect(renewed.session).toMatchObject({ voterId: 'u:zu-guest', authorized: true });
    const user = await connectSession(ctx.server, renewed);
    ctx.clients.push(user);
    expect(user.snapshot.myBallots.map((r) => r.answer)).toEqual([{ kind: 'single', optionId: 'b' }]);
    expect(await vote(user, pollId, 'a')).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });

    const late = await ctx.enter({ mid: 'm1', uid: 'late' });
    expect(late.snapshot.tallies.find((t) => t.pollId === pollId)).toMatchObject({
      turnout: 1,
      questions: { q1: { counts: { a: 0, b: 1, c: 0 } } },
    });
  });

  it('does not hand over ballots from another meeting or to a session of another meeting', async () => {
    const host = await ctx.enter({ mid: 'm1', uid: 'host', role: 'host' });
    const pollId = await launch(host);
    const guest = await ctx.enter({ mid: 'm1' });
    expect(await vote(guest, pollId, 'c')).toMatchObject({ ok: true });
    const elsewhere = await openSession(ctx.server, { mid: 'm2', uid: 'zu-guest' }, guest.token);
    const user = await connectSession(ctx.server, await openSession(ctx.server, { mid: 'm1', uid: 'zu-guest' }));
    ctx.clients.push(user);
    expect(elsewhere.session.meetingId).toBe('m2');
    expect(user.snapshot.myBallots).toEqual([]);
  });
});
