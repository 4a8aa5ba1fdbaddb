import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castBallot, createPoll, openPoll, type Ballot, type Poll, type Result } from '@quorum/shared';
import type { Store } from '../types';
import { openSqliteStore } from './sqlite-store';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

let seq = 0;
const ctx = () => ({ now: 5_000 + seq, newId: () => `rb-${++seq}` });

async function livePoll(store: Store, allowAnswerChange: boolean): Promise<Poll> {
  const draft = {
    title: 'Kinds',
    questions: [
      {
        id: 'q1',
        kind: 'single' as const,
        prompt: 'Pick',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
      { id: 'q2', kind: 'text' as const, prompt: 'Say', variant: 'short' as const },
    ],
    settings: { anonymous: false, resultsVisibility: 'live' as const, allowAnswerChange, closeAfterSec: null },
  };
  const poll = must(createPoll(draft, 'm1', ctx()));
  await store.polls.insert(poll);
  const live = must(openPoll(poll, 2_000));
  await store.polls.update(live);
  return live;
}

const text = (poll: Poll, voter: string, words: string, client = `client-${voter}-${++seq}`): Ballot =>
  must(
    castBallot(
      poll,
      voter,
      { pollId: poll.id, questionId: 'q2', answer: { kind: 'text', text: words }, clientBallotId: client },
      ctx(),
    ),
  );
const pick = (poll: Poll, voter: string, optionId: string): Ballot =>
  must(
    castBallot(
      poll,
      voter,
      {
        pollId: poll.id,
        questionId: 'q1',
        answer: { kind: 'single', optionId },
        clientBallotId: `client-${voter}-${++seq}`,
      },
      ctx(),
    ),
  );

describe('sqlite ballots for the richer kinds', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('writes a survey all or nothing', async () => {
    const poll = await livePoll(store, false);
    await store.ballots.writeMany([{ ballot: pick(poll, 'v1', 'a'), allowAnswerChange: false }]);
    const refused = await store.ballots.writeAtomically([
      { ballot: text(poll, 'v1', 'hello'), allowAnswerChange: false },
      { ballot: pick(poll, 'v1', 'b'), allowAnswerChange: false },
    ]);
    expect(refused).toEqual({ committed: false, rejectedIndex: 1 });
    expect((await store.ballots.listForRun(poll.id, 1)).map((b) => b.questionId)).toEqual(['q1']);
    const version = await store.ballots.tallyVersion(poll.id, 1);
    const accepted = await store.ballots.writeAtomically([
      { ballot: text(poll, 'v2', 'hi'), allowAnswerChange: false },
      { ballot: pick(poll, 'v2', 'b'), allowAnswerChange: false },
    ]);
    expect(accepted.committed && accepted.results.map((r) => [r.kind, r.tallyVersion])).toEqual([
      ['inserted', version + 1],
      ['inserted', version + 2],
    ]);
  });

  it('stores quiz timings, hides and keeps a hide through a changed answer', async () => {
    const poll = await livePoll(store, true);
    const first = { ...text(poll, 'v1', 'spam'), elapsedMs: 1234 };
    await store.ballots.writeMany([{ ballot: first, allowAnswerChange: true }]);
    expect(await store.ballots.get(poll.id, 1, first.ballotId)).toEqual(first);
    const before = await store.ballots.tallyVersion(poll.id, 1);
    expect(await store.ballots.setHidden(poll.id, 1, first.ballotId, true)).toBe(before + 1);
    expect(await store.ballots.get(poll.id, 1, first.ballotId)).toEqual({ ...first, hidden: true });
    const [changed] = await store.ballots.writeMany([
      { ballot: text(poll, 'v1', 'more spam'), allowAnswerChange: true },
    ]);
    expect(changed).toMatchObject({ kind: 'replaced', ballot: { ballotId: first.ballotId, hidden: true } });
    expect((await store.ballots.listForRun(poll.id, 1))[0]).toMatchObject({
      hidden: true,
      answer: { text: 'more spam' },
    });
    expect(await store.ballots.get(poll.id, 1, 'nope')).toBeUndefined();
  });

  it('keeps meeting settings per meeting', async () => {
    expect(await store.meetingSettings.get('m1')).toBeUndefined();
    await store.meetingSettings.put('m1', { coHostsMayRun: false }, 1);
    expect(await store.meetingSettings.get('m1')).toEqual({ coHostsMayRun: false });
    expect(await store.meetingSettings.get('m2')).toBeUndefined();
  });
});
