import { describe, expect, it } from 'vitest';
import type { Ballot } from '../schemas/ballot';
import type { Poll } from '../schemas/poll';
import { ballotOf, LIVE_SETTINGS, openPollOf, options, question } from '../testing';
import { nickname } from './nickname';
import { podium } from './quiz-board';
import { quizRules, scoreBallot, speedBonus } from './quiz';
import { tallyBallots } from './tally';
import { canSeeStandings, mayRunPolls, pollForRole } from './visibility';

const abc = options('a', 'b', 'c');
const one = question('single', { options: abc, correctOptionIds: ['b'] });
const some = question('multiple', { id: 'q2', options: abc, correctOptionIds: ['a', 'c'] });
const rules = { points: 500, speedBonus: 500, windowMs: 10_000 };

const quizPoll = (over: Partial<Poll> = {}): Poll =>
  openPollOf([one, some], {
    title: 'Quiz',
    settings: { ...LIVE_SETTINGS, anonymous: true, quiz: { points: 500, speedBonus: 500, speedWindowSec: 10 } },
    ...over,
  });

const ballot = (voterId: string, q: string, answer: Ballot['answer'], elapsedMs?: number): Ballot =>
  ballotOf(voterId, q, answer, elapsedMs === undefined ? {} : { elapsedMs });

describe('quiz scoring', () => {
  it('derives the speed window from the settings, the time limit or the default', () => {
    expect(quizRules({ quiz: { points: 1, speedBonus: 2, speedWindowSec: 5 }, closeAfterSec: 60 })).toEqual({
      points: 1,
      speedBonus: 2,
      windowMs: 5000,
    });
    expect(quizRules({ quiz: { points: 1, speedBonus: 2, speedWindowSec: null }, closeAfterSec: 60 })?.windowMs).toBe(
      60_000,
    );
    expect(quizRules({ quiz: { points: 1, speedBonus: 2, speedWindowSec: null }, closeAfterSec: null })?.windowMs).toBe(
      30_000,
    );
    expect(quizRules({ closeAfterSec: null })).toBeUndefined();
  });
  it('decays the bonus linearly and gives none without a measured time', () => {
    expect([0, 2500, 5000, 10_000, 20_000].map((ms) => speedBonus(rules, ms))).toEqual([500, 375, 250, 0, 0]);
    expect(speedBonus(rules, undefined)).toBe(0);
  });
  it('scores single choice by any correct option and multiple choice by the exact set', () => {
    expect(scoreBallot(rules, one, ballot('v', 'q1', { kind: 'single', optionId: 'b' }, 0))).toEqual({
      correct: true,
      points: 1000,
    });
    expect(scoreBallot(rules, one, ballot('v', 'q1', { kind: 'single', optionId: 'a' }, 0))).toEqual({
      correct: false,
      points: 0,
    });
    expect(scoreBallot(rules, some, ballot('v', 'q2', { kind: 'multiple', optionIds: ['a', 'c'] }, 5000))?.points).toBe(
      750,
    );
    expect(scoreBallot(rules, some, ballot('v', 'q2', { kind: 'multiple', optionIds: ['a'] }, 0))?.correct).toBe(false);
    expect(
      scoreBallot(rules, { ...one, correctOptionIds: undefined }, ballot('v', 'q1', { kind: 'single', optionId: 'b' })),
    ).toBeUndefined();
  });
});

describe('leaderboard', () => {
  it('ranks players with ties, nicknames only, and takes back replaced answers', () => {
    const ballots = [
      ballot('u:ann', 'q1', { kind: 'single', optionId: 'b' }, 0),
      ballot('u:bob', 'q1', { kind: 'single', optionId: 'b' }, 0),
      ballot('u:cy', 'q1', { kind: 'single', optionId: 'a' }, 0),
      ballot('u:ann', 'q2', { kind: 'multiple', optionIds: ['a', 'c'] }, 10_000),
    ];
    const tally = tallyBallots(quizPoll(), 1, ballots);
    const board = tally.quiz!.leaderboard();
    expect(board.players).toBe(3);
    expect(board.top.map((e) => [e.rank, e.points, e.correct])).toEqual([
      [1, 1500, 2],
      [2, 1000, 1],
      [3, 0, 0],
    ]);
    expect(board.top[0]!.nickname).toBe(nickname('u:ann', 'p'));
    expect(JSON.stringify(board)).not.toContain('u:');
    expect(tally.quiz!.scoreOf('u:cy')).toMatchObject({ rank: 3, points: 0, players: 3 });
    expect(tally.quiz!.scoreOf('u:nobody')).toBeNull();
    expect(podium(board)).toHaveLength(3);

    const fix = { ...ballot('u:cy', 'q1', { kind: 'single', optionId: 'b' }, 0), ballotId: ballots[2]!.ballotId };
    tally.apply(fix, ballots[2]);
    expect(tally.quiz!.scoreOf('u:cy')).toMatchObject({ rank: 2, points: 1000 });
    expect(tally.snapshot(true, true).leaderboard?.top.filter((e) => e.rank === 2)).toHaveLength(2);
    expect(tally.snapshot(true, false).leaderboard).toBeUndefined();
  });
  it('gives stable, friendly nicknames that differ per poll', () => {
    expect(nickname('u:ann', 'p')).toBe(nickname('u:ann', 'p'));
    expect(nickname('u:ann', 'p')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d\d$/);
    expect(nickname('u:ann', 'p')).not.toBe(nickname('u:ann', 'other'));
  });
});

describe('quiz visibility', () => {
  it('strips correct answers from the poll for participants until it closes', () => {
    const open = quizPoll();
    const seen = pollForRole(open, 'participant');
    expect(JSON.stringify(seen)).not.toContain('correctOptionIds');
    expect(pollForRole(open, 'cohost')).toBe(open);
    expect(pollForRole({ ...open, status: 'closed' }, 'attendee').questions[0]).toMatchObject({
      correctOptionIds: ['b'],
    });
    const plain = quizPoll({ questions: [{ ...one, correctOptionIds: undefined }] });
    delete (plain.questions[0] as { correctOptionIds?: string[] }).correctOptionIds;
    expect(pollForRole(plain, 'participant')).toBe(plain);
  });
  it('shows standings to hosts live and to others once closed with visible results', () => {
    expect(canSeeStandings(quizPoll(), 'host')).toBe(true);
    expect(canSeeStandings(quizPoll(), 'participant')).toBe(false);
    expect(canSeeStandings(quizPoll({ status: 'closed' }), 'participant')).toBe(true);
    const hostOnly = quizPoll({
      status: 'closed',
      settings: { ...quizPoll().settings, resultsVisibility: 'host_only' },
    });
    expect(canSeeStandings(hostOnly, 'participant')).toBe(false);
  });
  it('lets co-hosts run polls unless the host restricted it', () => {
    expect(mayRunPolls('host', { coHostsMayRun: false })).toBe(true);
    expect(mayRunPolls('cohost', { coHostsMayRun: true })).toBe(true);
    expect(mayRunPolls('cohost', { coHostsMayRun: false })).toBe(false);
    expect(mayRunPolls('participant', { coHostsMayRun: true })).toBe(false);
  });
});
