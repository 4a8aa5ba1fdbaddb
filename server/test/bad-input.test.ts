import { MAX_SOCKET_MESSAGE_BYTES, oversizedMessage, PROTOCOL_VERSION, socketMessageBytes } from '@quorum/shared';
import { io } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { choicePoll, launch, openSession, useTestServer, vote } from './support/harness';

const ctx = useTestServer({ ballotRateLimit: 30 });
const enter = ctx.enter;

/** Resolves with the connect_error message of a handshake that should be refused. */
function refusedHandshake(auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const socket = io(ctx.server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth,
    extraHeaders: headers,
  });
  return new Promise((resolve, reject) => {
    socket.on('connect', () => reject(new Error('connected without a valid session')));
    socket.on('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

describe('bad input never crashes the server or loses an accepted ballot', () => {
  it('refuses handshakes without a session, with a forged token, or another protocol version', async () => {
    expect(await refusedHandshake({ protocolVersion: PROTOCOL_VERSION })).toBe('UNAUTHENTICATED');
    const { token } = await openSession(ctx.server, { mid: 'm1', uid: 'u' });
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(await refusedHandshake({ protocolVersion: PROTOCOL_VERSION, token: forged })).toBe('UNAUTHENTICATED');
    expect(await refusedHandshake({ protocolVersion: PROTOCOL_VERSION + 1, token })).toBe('PROTOCOL_MISMATCH');
    expect(await refusedHandshake({ token })).toBe('PROTOCOL_MISMATCH');
    expect(
      await refusedHandshake({ protocolVersion: PROTOCOL_VERSION }, { cookie: 'quorum_session=forged.value' }),
    ).toBe('UNAUTHENTICATED');
  });

  it('answers malformed payloads with INVALID naming the field, and keeps accepted ballots', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host);
    expect((await vote(p, pollId, 'a')).ok).toBe(true);

    const cast = (payload: unknown) => p.socket.emitWithAck('ballot:cast', payload as never);
    const cases: [unknown, string | undefined][] = [
      [null, undefined],
      ['a string', undefined],
      [{ pollId, questionId: 'q1', clientBallotId: 'abcdefgh1' }, 'answer'],
      [{ pollId, questionId: 'q1', answer: { kind: 'single' }, clientBallotId: 'abcdefgh2' }, 'answer.optionId'],
      [{ pollId, questionId: 'q1', answer: { kind: 'emoji', value: 1 }, clientBallotId: 'abcdefgh3' }, 'answer.kind'],
      [{ pollId, questionId: 'q1', answer: { kind: 'single', optionId: 'a' }, clientBallotId: 'x' }, 'clientBallotId'],
      [
        { pollId: 'bad id!', questionId: 'q1', answer: { kind: 'single', optionId: 'a' }, clientBallotId: 'abcdefgh4' },
        'pollId',
      ],
      [
        {
          pollId,
          questionId: 'q1',
          answer: { kind: 'single', optionId: 'a' },
          clientBallotId: 'abcdefgh5',
          admin: true,
        },
        'admin',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await cast(payload);
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      if (!res.ok) expect(res.error.field).toBe(field);
    }
    const wrongKind = await cast({
      pollId,
      questionId: 'q1',
      answer: { kind: 'rating', value: 3 },
      clientBallotId: 'abcdefgh6',
    });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answer.kind' } });
    const unknownOption = await vote(p, pollId, 'zzz');
    expect(unknownOption).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'answer.optionId' } });
    const unknownPoll = await vote(p, 'nope', 'a');
    expect(unknownPoll).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const badDraft = await host.socket.emitWithAck('poll:create', { title: 'x'.repeat(121), questions: [] } as never);
    expect(badDraft).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'title' } });

    const t = await host.waitForTally(pollId, (x) => x.turnout === 1);
    expect(t.questions?.q1?.counts.a).toBe(1);
    expect(ctx.server.app.realtime.metrics.invalidPayloads).toBeGreaterThanOrEqual(cases.length);
  });

  it('answers voting on closed and draft polls with POLL_CLOSED and second votes with ALREADY_VOTED', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const created = await host.socket.emitWithAck('poll:create', choicePoll({ allowAnswerChange: false }));
    if (!created.ok) throw new Error('create failed');
    const pollId = created.data.poll.id;
    expect(await vote(p, pollId, 'a')).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
    await host.socket.emitWithAck('poll:open', { pollId });
    expect((await vote(p, pollId, 'a')).ok).toBe(true);
    expect(await vote(p, pollId, 'b')).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
    await host.socket.emitWithAck('poll:close', { pollId });
    expect(await vote(p, pollId, 'b')).toMatchObject({ ok: false, error: { code: 'POLL_CLOSED' } });
    expect(await host.socket.emitWithAck('poll:close', { pollId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
  });

  it('rate-limits ballots per voter with RATE_LIMITED', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const pollId = await launch(host);
    const results = await Promise.all(Array.from({ length: 45 }, () => vote(p, pollId, 'a')));
    const limited = results.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(45 - 31);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(31);
    expect(ctx.server.app.realtime.metrics.rateLimited).toBe(limited.length);
  });

  it('answers an unknown request that has an ack with INVALID naming it', async () => {
    const p = await enter({ mid: 'm1', uid: 'p' });
    const raw = p.socket as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> };
    expect(await raw.emitWithAck('admin:drop-tables', { all: true })).toEqual({
      ok: false,
      error: { code: 'INVALID', message: "unknown request 'admin:drop-tables'" },
    });
    expect(await raw.emitWithAck('toString', {})).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(ctx.server.app.realtime.metrics.unknownEvents).toBe(2);
    expect(p.socket.connected).toBe(true);
  });

  it('counts and logs (once per socket) unknown events and requests without an ack', async () => {
    const warn = vi.spyOn(ctx.server.app.log, 'warn');
    const p = await enter({ mid: 'm1', uid: 'p' });
    const raw = p.socket as unknown as { emit(e: string, ...a: unknown[]): void };
    for (let i = 0; i < 3; i++) {
      raw.emit('admin:drop-tables', { all: true });
      raw.emit('poll:close', { pollId: 'x' }); // no ack function
    }
    const ok = await p.socket.emitWithAck('poll:open', { pollId: 'x' });
    expect(ok).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ctx.server.app.realtime.metrics).toMatchObject({ unknownEvents: 3, missingAcks: 3, invalidPayloads: 0 });
    expect(warn.mock.calls.map(([fields, what]) => [what, (fields as { event: string }).event])).toEqual([
      ['socket sent an unknown event', 'admin:drop-tables'],
      ['socket sent a request without an ack', 'poll:close'],
    ]);
    expect(p.socket.connected).toBe(true);
  });

  it('answers every message the shared size measure lets through (the client refuses the rest with INVALID)', async () => {
    const p = await enter({ mid: 'm1', uid: 'p' });
    const raw = p.socket as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> };
    // The largest message the measure allows, in multi-byte characters: the server must still read it.
    const base = socketMessageBytes('ballot:cast', { junk: '' });
    const payload = { junk: 'é'.repeat(Math.floor((MAX_SOCKET_MESSAGE_BYTES - base) / 2)) };
    expect(oversizedMessage('ballot:cast', payload)).toBeUndefined();
    expect(oversizedMessage('ballot:cast', { junk: payload.junk + 'éé' })).toBeDefined();
    expect(await raw.emitWithAck('ballot:cast', payload)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(p.socket.connected).toBe(true);
  });

  it('refuses a request over the limit but within what the transport reads with INVALID naming the limit', async () => {
    const p = await enter({ mid: 'm1', uid: 'p' });
    const raw = p.socket as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> };
    const answer = await raw.emitWithAck('poll:create', { title: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES + 1024) });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'INVALID',
        message: expect.stringContaining(`the limit is ${MAX_SOCKET_MESSAGE_BYTES / 1024} KB`),
      },
    });
    expect(p.socket.connected).toBe(true);
  });

  it('drops a socket that sends a message larger than the transport reads, and the server keeps serving', async () => {
    const p = await enter({ mid: 'm1', uid: 'p' });
    const dropped = new Promise((resolve) => p.socket.on('disconnect', resolve));
    const raw = p.socket as unknown as { emit(e: string, ...a: unknown[]): void };
    raw.emit('ballot:cast', { junk: 'x'.repeat(200_000) }, () => {});
    await dropped;
    const again = await enter({ mid: 'm1', uid: 'p' });
    expect(again.socket.connected).toBe(true);
  });

  it('rejects oversized and malformed HTTP bodies with a clear error', async () => {
    const big = await fetch(`${ctx.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ context: 'x'.repeat(100_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'INVALID' } });
    const broken = await fetch(`${ctx.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"context":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'INVALID' } });
    const health = await fetch(`${ctx.server.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('refuses the REST API without a session', async () => {
    for (const url of ['/api/polls', '/api/polls/x', '/api/polls/x/runs/1/export.csv']) {
      const res = await fetch(`${ctx.server.url}${url}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });
});
