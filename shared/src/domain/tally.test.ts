import { describe, expect, it } from 'vitest';
import type { Answer, Ballot } from '../schemas/ballot';
import type { Poll, Question, ResultsVisibility, Role } from '../schemas/poll';
import { pollTallySchema } from '../schemas/tally';
import { ballotOf, options, question } from '../testing';
import { isHostRole, normalizeRole } from './roles';
import { emptyQuestionTally, RunningTally, tallyBallots, turnout } from './tally';
import { canSeePoll, canSeeResults } from './visibility';

const single = question('single', { id: 'qs', options: options('a', 'b') });
const multiple = question('multiple', { id: 'qm', options: options('x', 'y', 'z'), minPicks: 0 });
const rating = question('rating', { id: 'qr', min: 0, max: 3 });
const questions = [single, multiple, rating];

const ballot = (voterId: string, questionId: string, answer: Answer, run = 1): Ballot =>
  ballotOf(voterId, questionId, answer, { run });

describe('emptyQuestionTally', () => {
  it('lists every option of a choice question at zero', () => {
    expect(emptyQuestionTally(single)).toEqual({ kind: 'choice', voters: 0, counts: { a: 0, b: 0 } });
    expect(emptyQuestionTally(multiple)).toEqual({ kind: 'choice', voters: 0, counts: { x: 0, y: 0, z: 0 } });
  });

  it('lists every scale value of a rating question at zero, ends included', () => {
    expect(emptyQuestionTally(rating)).toEqual({
      kind: 'rating',
      voters: 0,
      counts: { '0': 0, '1': 0, '2': 0, '3': 0 },
      sum: 0,
    });
    const tenPoint: Question = { ...rating, min: 1, max: 10 } as Question;
    expect(Object.keys(emptyQuestionTally(tenPoint).counts)).toHaveLength(10);
  });

  it('returns fresh objects', () => {
    const first = emptyQuestionTally(single);
    first.counts.a = 5;
    expect(emptyQuestionTally(single).counts.a).toBe(0);
  });
});

describe('RunningTally', () => {
  it('starts empty with every question listed', () => {
    const tally = new RunningTally('p', 1, questions);
    expect(tally.turnout).toBe(0);
    expect(tally.version).toBe(0);
    expect(Object.keys(tally.questions)).toEqual(['qs', 'qm', 'qr']);
  });

  it('applies ballots of every kind', () => {
    const tally = new RunningTally('p', 1, questions);
    tally.apply(ballot('v1', 'qs', { kind: 'single', optionId: 'a' }));
    tally.apply(ballot('v2', 'qs', { kind: 'single', optionId: 'a' }));
    tally.apply(ballot('v1', 'qm', { kind: 'multiple', optionIds: ['x', 'z'] }));
    tally.apply(ballot('v2', 'qm', { kind: 'multiple', optionIds: [] }));
    tally.apply(ballot('v3', 'qr', { kind: 'rating', value: 3 }));
    tally.apply(ballot('v1', 'qr', { kind: 'rating', value: 0 }));
    expect(tally.questions).toEqual({
      qs: { kind: 'choice', voters: 2, counts: { a: 2, b: 0 } },
      qm: { kind: 'choice', voters: 2, counts: { x: 1, y: 0, z: 1 } },
      qr: { kind: 'rating', voters: 2, counts: { '0': 1, '1': 0, '2': 0, '3': 1 }, sum: 3 },
    });
    expect(tally.turnout).toBe(3);
  });

  it('replaces a ballot without counting the voter again', () => {
    const tally = new RunningTally('p', 1, questions);
    const first = ballot('v1', 'qr', { kind: 'rating', value: 1 });
    tally.apply(first);
    const second = { ...ballot('v1', 'qr', { kind: 'rating', value: 3 }), ballotId: first.ballotId };
    tally.apply(second, first);
    expect(tally.questions.qr).toEqual({
      kind: 'rating',
      voters: 1,
      counts: { '0': 0, '1': 0, '2': 0, '3': 1 },
      sum: 3,
    });
    expect(tally.turnout).toBe(1);

    const pick = ballot('v1', 'qm', { kind: 'multiple', optionIds: ['x', 'y'] });
    tally.apply(pick);
    const repick = ballot('v1', 'qm', { kind: 'multiple', optionIds: ['y', 'z'] });
    tally.apply(repick, pick);
    expect(tally.questions.qm).toEqual({ kind: 'choice', voters: 1, counts: { x: 0, y: 1, z: 1 } });
    expect(tally.turnout).toBe(1);
  });

  it('hands a voter’s ballots to another voter without changing a count (a guest who signed in)', () => {
    const t = new RunningTally('p', 1, questions);
    const first = ballot('g:guest', 'qs', { kind: 'single', optionId: 'b' });
    const second = ballot('g:guest', 'qr', { kind: 'rating', value: 2 });
    [first, second, ballot('u:other', 'qs', { kind: 'single', optionId: 'a' })].forEach((b) => t.apply(b));
    t.apply({ ...first, voterId: 'u:zu1' }, first);
    expect([t.turnout, t.hasVoted('g:guest'), t.hasVoted('u:zu1')]).toEqual([3, true, true]);
    t.apply({ ...second, voterId: 'u:zu1' }, second);
    expect([t.turnout, t.hasVoted('g:guest'), t.hasVoted('u:zu1')]).toEqual([2, false, true]);
    expect(t.questions.qs).toMatchObject({ counts: { a: 1, b: 1 } });
  });

  it('ignores ballots for questions it does not know', () => {
    const tally = new RunningTally('p', 1, questions);
    tally.apply(ballot('v1', 'elsewhere', { kind: 'single', optionId: 'a' }));
    expect(tally.turnout).toBe(0);
    expect(tally.questions).toEqual(new RunningTally('p', 1, questions).questions);
  });

  it('snapshots a copy that later votes do not change', () => {
    const tally = new RunningTally('p', 4, questions, 7);
    tally.apply(ballot('v1', 'qs', { kind: 'single', optionId: 'b' }));
    const snap = tally.snapshot(true);
    expect(pollTallySchema.parse(snap)).toEqual(snap);
    expect(snap).toMatchObject({ pollId: 'p', run: 4, version: 7, turnout: 1 });
    tally.apply(ballot('v2', 'qs', { kind: 'single', optionId: 'b' }));
    expect(snap.questions?.qs?.counts.b).toBe(1);
    expect(tally.questions.qs?.counts.b).toBe(2);
  });

  it('snapshot(false) gives turnout only', () => {
    const tally = new RunningTally('p', 1, questions, 3);
    tally.apply(ballot('v1', 'qs', { kind: 'single', optionId: 'a' }));
    const snap = tally.snapshot(false);
    expect(snap).toEqual({ pollId: 'p', run: 1, version: 3, turnout: 1 });
    expect('questions' in snap).toBe(false);
    expect(pollTallySchema.parse(snap)).toEqual(snap);
  });
});

describe('tallyBallots and turnout', () => {
  it('recounts only the ballots of the asked run', () => {
    const ballots = [
      ballot('v1', 'qs', { kind: 'single', optionId: 'a' }, 1),
      ballot('v2', 'qs', { kind: 'single', optionId: 'b' }, 2),
      ballot('v2', 'qr', { kind: 'rating', value: 2 }, 2),
      ballot('v3', 'qm', { kind: 'multiple', optionIds: ['y'] }, 2),
    ];
    const tally = tallyBallots({ id: 'p', questions }, 2, ballots, 9);
    expect(tally.run).toBe(2);
    expect(tally.version).toBe(9);
    expect(tally.turnout).toBe(2);
    expect(tally.questions.qs).toEqual({ kind: 'choice', voters: 1, counts: { a: 0, b: 1 } });
    expect(tally.questions.qr).toMatchObject({ voters: 1, sum: 2 });
    expect(turnout(ballots, 2)).toBe(2);
    expect(turnout(ballots, 1)).toBe(1);
    expect(turnout(ballots, 3)).toBe(0);
  });
});

describe('visibility', () => {
  const poll = (status: Poll['status'], resultsVisibility: ResultsVisibility, resultsShared = false): Poll => ({
    id: 'p',
    meetingId: 'm',
    title: 'T',
    questions,
    settings: { anonymous: false, resultsVisibility, allowAnswerChange: true, closeAfterSec: null },
    status,
    run: status === 'draft' ? 0 : 1,
    resultsShared,
    createdAt: 0,
    openedAt: status === 'draft' ? null : 1,
    closedAt: status === 'closed' ? 2 : null,
    closesAt: null,
  });
  const hosts: Role[] = ['host', 'cohost'];
  const others: Role[] = ['participant', 'panelist', 'attendee'];
  const visibilities: ResultsVisibility[] = ['live', 'after_close', 'host_only'];

  it('shows drafts to hosts only', () => {
    for (const role of hosts) expect(canSeePoll(poll('draft', 'live'), role)).toBe(true);
    for (const role of others) expect(canSeePoll(poll('draft', 'live'), role)).toBe(false);
    for (const role of [...hosts, ...others]) {
      expect(canSeePoll(poll('open', 'host_only'), role)).toBe(true);
      expect(canSeePoll(poll('closed', 'host_only'), role)).toBe(true);
    }
  });

  it('always shows results to hosts', () => {
    for (const role of hosts)
      for (const v of visibilities)
        for (const s of ['open', 'closed'] as const) expect(canSeeResults(poll(s, v), role)).toBe(true);
  });

  it('applies the visibility setting to everyone else', () => {
    for (const role of others) {
      expect(canSeeResults(poll('open', 'live'), role)).toBe(true);
      expect(canSeeResults(poll('closed', 'live'), role)).toBe(true);
      expect(canSeeResults(poll('open', 'after_close'), role)).toBe(false);
      expect(canSeeResults(poll('closed', 'after_close'), role)).toBe(true);
      expect(canSeeResults(poll('open', 'host_only'), role)).toBe(false);
      expect(canSeeResults(poll('closed', 'host_only'), role)).toBe(false);
    }
  });

  it('shows shared results to everyone', () => {
    for (const role of others) {
      expect(canSeeResults(poll('open', 'host_only', true), role)).toBe(true);
      expect(canSeeResults(poll('open', 'after_close', true), role)).toBe(true);
      expect(canSeeResults(poll('closed', 'host_only', true), role)).toBe(true);
    }
  });
});

describe('roles', () => {
  it.each([
    ['co-host', 'cohost'],
    ['coHost', 'cohost'],
    ['cohost', 'cohost'],
    ['Co-Host', 'cohost'],
    ['co_host', 'cohost'],
    ['host', 'host'],
    ['HOST', 'host'],
    ['panelist', 'panelist'],
    ['attendee', 'attendee'],
    ['participant', 'participant'],
    ['guest', 'participant'],
    ['', 'participant'],
    [undefined, 'participant'],
    [null, 'participant'],
  ] as const)('normalizes %j to %s', (raw, role) => {
    expect(normalizeRole(raw)).toBe(role);
  });

  it('treats hosts and co-hosts as hosts only', () => {
    expect(isHostRole('host')).toBe(true);
    expect(isHostRole('cohost')).toBe(true);
    expect(isHostRole('participant')).toBe(false);
    expect(isHostRole('panelist')).toBe(false);
    expect(isHostRole('attendee')).toBe(false);
  });
});
