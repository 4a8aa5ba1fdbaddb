import type { PollDraftInput, RunExport } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { ballotId, useTestServer, type Client } from './support/harness';
import { cast, createDraft, draftOf, get, nextPollUpdate, sleep } from './support/requests';

const ctx = useTestServer();
const enter = ctx.enter;

const options = [
  { id: 'a', label: 'Paris' },
  { id: 'b', label: 'Bern' },
  { id: 'c', label: 'Rome' },
];
const quiz = (quizSettings: NonNullable<PollDraftInput['settings']>['quiz'] = {}): PollDraftInput =>
  draftOf(
    [{ id: 'q1', kind: 'single', prompt: 'Capital of Switzerland?', options, correctOptionIds: ['b'] }],
    { anonymous: true, quiz: quizSettings },
    'Quiz',
  );

async function open(host: Client, pollId: string) {
  const opened = await host.socket.emitWithAck('poll:open', { pollId });
  if (!opened.ok) throw new Error(opened.error.message);
}

describe('quizzes', () => {
  it('never shows participants the correct answer before the poll closes', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const p = await enter({ mid: 'm1', uid: 'p' });
    const poll = await createDraft(host, quiz());
    expect(poll.questions[0]).toMatchObject({ correctOptionIds: ['b'] });
    const seen = nextPollUpdate(p, (x) => x.status === 'open');
    await open(host, poll.id);
    expect(JSON.stringify((await seen).poll)).not.toContain('correctOptionIds');
    const late = await enter({ mid: 'm1', uid: 'late' });
    expect(JSON.stringify(late.snapshot.polls)).not.toContain('correctOptionIds');
    expect((await get(ctx.server, p, `/api/polls/${poll.id}`)).text).not.toContain('correctOptionIds');
    expect((await get(ctx.server, p, '/api/polls')).text).not.toContain('correctOptionIds');
    const cohost = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    expect(cohost.snapshot.polls[0]?.questions[0]).toMatchObject({ correctOptionIds: ['b'] });
    const closed = nextPollUpdate(p, (x) => x.status === 'closed');
    await host.socket.emitWithAck('poll:close', { pollId: poll.id });
    expect((await closed).poll.questions[0]).toMatchObject({ correctOptionIds: ['b'] });
  });

  it('corrects speed for measured latency: a slow link answering at the same moment scores the same', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const fast = await enter({ mid: 'm1', uid: 'fast' });
    const LATENCY = 600; // one way: the slow client's round trip is 1.2 s
    const slow = await enter({ mid: 'm1', uid: 'slow' }, { latencyMs: LATENCY });
    await Promise.all([fast.pinged, slow.pinged]);
    await sleep(50);
    const poll = await createDraft(host, quiz({ points: 500, speedBonus: 1000, speedWindowSec: 5 }));
    const reached = [
      nextPollUpdate(fast, (x) => x.status === 'open'),
      nextPollUpdate(slow, (x) => x.status === 'open'),
    ];
    await open(host, poll.id);
    await Promise.all(reached);
    // Both people press "Bern" one second after the question appeared on the fast screen; the slow
    // link delivers the slow one's ballot a one-way latency later (and saw the question that much later).
    await sleep(1000);
    const answer = { kind: 'single' as const, optionId: 'b' };
    const fastVote = cast(fast, poll.id, 'q1', answer);
    const slowVote = sleep(LATENCY).then(() => cast(slow, poll.id, 'q1', answer));
    expect((await fastVote).ok && (await slowVote).ok).toBe(true);

    const board = (await host.waitForTally(poll.id, (t) => t.leaderboard?.players === 2)).leaderboard!;
    const [first, second] = board.top;
    expect(Math.abs(first!.points - second!.points)).toBeLessThanOrEqual(25); // uncorrected, the gap would be ~120
    expect(first!.points).toBeGreaterThan(1200);
    expect(first!.points).toBeLessThan(1500);
  }, 15_000);

  it('keeps standings from participants until close, then shows the leaderboard, podium and my rank', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const players = await Promise.all(['ann', 'bob', 'cy'].map((uid) => enter({ mid: 'm1', uid })));
    const poll = await createDraft(host, quiz());
    await open(host, poll.id);
    const picks = ['b', 'a', 'b'];
    for (const [i, p] of players.entries())
      expect((await cast(p, poll.id, 'q1', { kind: 'single', optionId: picks[i]! })).ok).toBe(true);
    const live = await host.waitForTally(poll.id, (t) => t.leaderboard?.players === 3);
    expect(live.leaderboard!.top.map((e) => e.correct)).toEqual([1, 1, 0]);
    const during = await players[0]!.waitForTally(poll.id, (t) => t.turnout === 3);
    expect(during.leaderboard).toBeUndefined();
    expect(during.questions?.q1).toBeDefined(); // live results stay live; only the standings wait
    expect(await players[0]!.socket.emitWithAck('quiz:score', { pollId: poll.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await host.socket.emitWithAck('poll:close', { pollId: poll.id });
    const final = await players[1]!.waitForTally(poll.id, (t) => t.leaderboard !== undefined);
    expect(final.leaderboard?.players).toBe(3);
    expect(JSON.stringify(final.leaderboard)).not.toMatch(/ann|bob|u:/);
    const mine = await players[1]!.socket.emitWithAck('quiz:score', { pollId: poll.id });
    expect(mine).toMatchObject({ ok: true, data: { score: { rank: 3, points: 0, correct: 0, players: 3 } } });
    const top = await players[0]!.socket.emitWithAck('quiz:score', { pollId: poll.id, run: 1 });
    expect(top).toMatchObject({ ok: true, data: { score: { rank: 1, correct: 1 } } });
    const watcher = await enter({ mid: 'm1', uid: 'watcher' });
    expect(await watcher.socket.emitWithAck('quiz:score', { pollId: poll.id })).toEqual({
      ok: true,
      data: { score: null },
    });
    expect(watcher.snapshot.tallies[0]?.leaderboard?.top).toHaveLength(3);

    const exported = (await get(ctx.server, host, `/api/polls/${poll.id}/runs/1/export.json`)).body as RunExport;
    expect(exported.ballots.map((b) => b.points).sort()).toEqual([0, expect.any(Number), expect.any(Number)].sort());
    expect(exported.tally.leaderboard?.players).toBe(3);
    const csv = await get(ctx.server, host, `/api/polls/${poll.id}/runs/1/export.csv`);
    expect(csv.text.split('\r\n')[0]).toBe('poll,run,question,answer,cast_at,points');
  });

  it('refuses quizzes without a scored question and quiz:score on plain polls', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const bad = await host.socket.emitWithAck(
      'poll:create',
      draftOf([{ kind: 'single', prompt: 'Q', options }], { quiz: {} }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'settings.quiz' } });
    const wrongKey = await host.socket.emitWithAck(
      'poll:create',
      draftOf([{ kind: 'single', prompt: 'Q', options, correctOptionIds: ['x'] }], { quiz: {} }),
    );
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'questions.0.correctOptionIds' } });
    const plain = await createDraft(host, draftOf([{ kind: 'single', prompt: 'Q', options }]));
    expect(await host.socket.emitWithAck('quiz:score', { pollId: plain.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'pollId' },
    });
    expect(ballotId()).toBeTruthy();
  });
});
