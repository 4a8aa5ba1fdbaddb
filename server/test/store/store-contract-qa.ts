import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS, type QaQuestion } from '@quorum/shared';
import type { QaUpvoteWrite, Store } from '../../src/store/types';

let seq = 0;
const question = (meetingId: string, askerId: string, extra: Partial<QaQuestion> = {}): QaQuestion => ({
  id: `qa-${++seq}`,
  meetingId,
  text: `Question ${seq}`,
  askerId,
  anonymous: false,
  status: 'live',
  pinned: false,
  reply: null,
  createdAt: 1_000 + seq,
  editedAt: null,
  clientId: `client-${seq}-xx`,
  ...extra,
});

const up = (questionId: string, voterId: string, clientId: string, wanted = true) => ({
  meetingId: 'm1',
  questionId,
  voterId,
  clientId,
  up: wanted,
});

/** One upvote in a batch of its own. */
const one = async (store: Store, write: QaUpvoteWrite) => (await store.qa.upvoteMany([write]))[0]!;

/** Audience Q&A: versions, idempotent asks, one upvote per voter, moderation writes, erasure. */
export function describeQaContract(open: () => Promise<Store>): void {
  describe('audience Q&A', () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty, keeps settings and bumps the version with every change', async () => {
      expect(await store.qa.load('m1')).toEqual({
        settings: undefined,
        version: 0,
        questions: [],
        upvoters: new Map(),
      });
      const settings = { ...DEFAULT_QA_SETTINGS, enabled: true, reviewFirst: true };
      expect(await store.qa.putSettings('m1', settings)).toBe(1);
      const q = question('m1', 'v1', { anonymous: true, roomId: 'room-2' });
      expect(await store.qa.ask(q)).toEqual({ question: q, duplicate: false, version: 2 });
      expect(await store.qa.load('m1')).toEqual({ settings, version: 2, questions: [q], upvoters: new Map() });
      expect((await store.qa.load('m2')).version).toBe(0);
    });

    it('returns the stored question for a re-sent ask, even with other text', async () => {
      const q = question('m1', 'v1');
      await store.qa.ask(q);
      const again = await store.qa.ask({ ...q, id: 'other-id', text: 'changed' });
      expect(again).toEqual({ question: q, duplicate: true, version: 1 });
      // The same client id from another voter is another question.
      expect((await store.qa.ask({ ...q, id: 'theirs', askerId: 'v2' })).duplicate).toBe(false);
      expect((await store.qa.load('m1')).questions).toHaveLength(2);
    });

    it('counts one upvote per voter, recognises a re-sent request and takes a vote back', async () => {
      const q = question('m1', 'v1');
      await store.qa.ask(q);
      expect(await one(store, up(q.id, 'v2', 'c1-xxxxxx'))).toEqual({ kind: 'counted', up: true, version: 2 });
      expect(await one(store, up(q.id, 'v2', 'c2-xxxxxx'))).toEqual({ kind: 'unchanged', up: true, version: 2 });
      expect(await one(store, up(q.id, 'v2', 'c3-xxxxxx', false))).toEqual({
        kind: 'counted',
        up: false,
        version: 3,
      });
      // The first request re-sent after the take-back must not bring the vote back.
      expect(await one(store, up(q.id, 'v2', 'c1-xxxxxx'))).toEqual({ kind: 'duplicate', up: false, version: 3 });
      await one(store, up(q.id, 'v3', 'c4-xxxxxx'));
      expect((await store.qa.load('m1')).upvoters).toEqual(new Map([[q.id, new Set(['v3'])]]));
    });

    it('writes a batch in one go: versions consecutive per meeting in write order, duplicates within it recognised', async () => {
      const q1 = question('m1', 'v1');
      const q2 = question('m1', 'v1');
      const far = question('m2', 'v1');
      for (const q of [q1, q2, far]) await store.qa.ask(q);
      const outcomes = await store.qa.upvoteMany([
        up(q1.id, 'v2', 'b1-xxxxxx'),
        { ...up(far.id, 'v2', 'b2-xxxxxx'), meetingId: 'm2' },
        up(q1.id, 'v2', 'b1-xxxxxx'),
        up(q2.id, 'v3', 'b3-xxxxxx'),
        up(q1.id, 'v2', 'b4-xxxxxx'),
        up(far.id, 'v3', 'b5-xxxxxx'), // another meeting's question, sent as this one's
      ]);
      expect(outcomes).toEqual([
        { kind: 'counted', up: true, version: 3 },
        { kind: 'counted', up: true, version: 2 },
        { kind: 'duplicate', up: true, version: 4 },
        { kind: 'counted', up: true, version: 4 },
        { kind: 'unchanged', up: true, version: 4 },
        { kind: 'refused' },
      ]);
      expect((await store.qa.load('m1')).version).toBe(4);
      expect((await store.qa.load('m2')).upvoters).toEqual(new Map([[far.id, new Set(['v2'])]]));
    });

    it('holds one upvote per voter under concurrent sends with distinct client ids', async () => {
      const q = question('m1', 'v1');
      await store.qa.ask(q);
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => one(store, up(q.id, 'v2', `burst-${i}-xxxx`))),
      );
      expect(outcomes.filter((o) => o.kind === 'counted')).toHaveLength(1);
      expect((await store.qa.load('m1')).upvoters.get(q.id)).toEqual(new Set(['v2']));
    });

    it('refuses upvotes on a question that is not live or is in another meeting, writing nothing', async () => {
      const q = question('m1', 'v1');
      await store.qa.ask(q);
      await store.qa.save('m1', [{ ...q, status: 'dismissed' }]);
      expect(await one(store, up(q.id, 'v2', 'c1-xxxxxx'))).toEqual({ kind: 'refused' });
      const other = question('m2', 'v1');
      await store.qa.ask(other);
      expect(await one(store, up(other.id, 'v2', 'c2-xxxxxx'))).toEqual({ kind: 'refused' });
      expect((await store.qa.load('m1')).upvoters.size).toBe(0);
      expect((await store.qa.load('m2')).upvoters.size).toBe(0);
    });

    it('saves moderation, withdraws with the upvotes, and never touches another meeting', async () => {
      const q = question('m1', 'v1');
      const other = question('m2', 'v1');
      await store.qa.ask(q);
      await store.qa.ask(other);
      await one(store, up(q.id, 'v2', 'c1-xxxxxx'));
      const answered = { ...q, status: 'answered' as const, pinned: true, reply: 'Yes', editedAt: 5 };
      expect(await store.qa.save('m1', [answered])).toBe(3);
      expect((await store.qa.load('m1')).questions).toEqual([answered]);
      await store.qa.save('m1', [{ ...other, text: 'hijacked' }]);
      await store.qa.withdraw('m1', other.id);
      expect((await store.qa.load('m2')).questions).toEqual([other]);
      await store.qa.withdraw('m1', q.id);
      expect(await store.qa.load('m1')).toMatchObject({ questions: [], upvoters: new Map() });
    });

    it('moves a voter’s questions and upvotes in one meeting to another voter, one vote per question', async () => {
      const mine = question('m1', 'guest');
      const theirs = question('m1', 'v2');
      const far = question('m2', 'guest');
      for (const q of [mine, theirs, far]) await store.qa.ask(q);
      await one(store, up(theirs.id, 'guest', 'g1-xxxxxx'));
      await one(store, up(theirs.id, 'user', 'u1-xxxxxx'));
      await one(store, up(mine.id, 'guest', 'g2-xxxxxx'));
      const before = (await store.qa.load('m1')).version;
      expect(await store.qa.transferVoter('guest', 'user', 'm1')).toBe(before + 1);
      const board = await store.qa.load('m1');
      expect(board.questions.map((q) => q.askerId)).toEqual(['user', 'v2']);
      expect(board.upvoters).toEqual(
        new Map([
          [theirs.id, new Set(['user'])],
          [mine.id, new Set(['user'])],
        ]),
      );
      expect((await store.qa.load('m2')).questions[0]?.askerId).toBe('guest');
      expect(await store.qa.transferVoter('guest', 'user', 'm1')).toBeUndefined();
    });

    it('re-keys an erased user’s questions and upvotes, drops their personal space, and erases a meeting', async () => {
      const q = question('m1', 'u:U1');
      const other = question('m1', 'v2');
      await store.qa.ask(q);
      await store.qa.ask(other);
      await store.qa.ask(question('personal:U1', 'u:U1'));
      await one(store, up(other.id, 'u:U1', 'c1-xxxxxx'));
      const before = (await store.qa.load('m1')).version;
      await store.zoomUsers.erase('U1', 'anon-1');
      const board = await store.qa.load('m1');
      expect(board.version).toBe(before + 1); // cached copies are seen to be stale
      expect(board.questions.map((x) => x.askerId)).toEqual(['anon-1', 'v2']);
      expect(board.upvoters.get(other.id)).toEqual(new Set(['anon-1']));
      expect((await store.qa.load('personal:U1')).questions).toEqual([]);
      expect((await store.qa.load('m2')).version).toBe(0);
      await store.qa.eraseMeeting('m1');
      expect(await store.qa.load('m1')).toEqual({
        settings: undefined,
        version: 0,
        questions: [],
        upvoters: new Map(),
      });
    });
  });
}
