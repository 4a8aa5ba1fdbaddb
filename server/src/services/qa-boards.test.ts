import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS, type QaQuestion } from '@quorum/shared';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/types';
import { QaBoards } from './qa-boards';

const question = (id: string): QaQuestion => ({
  id,
  meetingId: 'm1',
  text: id,
  askerId: 'v1',
  anonymous: false,
  status: 'live',
  pinned: false,
  reply: null,
  createdAt: 1,
  editedAt: null,
  clientId: `client-${id}`,
});

let store: Store;
afterEach(async () => store.close());

describe('the Q&A board cache', () => {
  it('applies a write that follows the cached version, and re-reads after a gap', async () => {
    store = openSqliteStore(':memory:');
    const boards = new QaBoards(store);
    expect(await boards.get('m1')).toMatchObject({ version: 0, settings: DEFAULT_QA_SETTINGS, questions: [] });
    const { version } = await store.qa.ask(question('a'));
    boards.committed('m1', version, (b) => ({ ...b, questions: [question('a')] }));
    expect((await boards.get('m1')).questions.map((q) => q.id)).toEqual(['a']);
    // Another process wrote version 2; this one's write is 3: the copy cannot be patched, so it is re-read.
    await store.qa.ask(question('b'));
    const third = await store.qa.ask(question('c'));
    boards.committed('m1', third.version, (b) => ({ ...b, questions: [...b.questions, question('c')] }));
    expect(await boards.get('m1')).toMatchObject({ version: 3, questions: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
  });

  it('drops a copy older than a peer’s version, and does not keep a read that a write overtook', async () => {
    store = openSqliteStore(':memory:');
    const boards = new QaBoards(store);
    await boards.get('m1');
    await store.qa.ask(question('a'));
    boards.behind('m1', 1);
    expect((await boards.get('m1')).version).toBe(1);
    // A read that has its rows (version 1) but has not finished when version 2 commits.
    let finish = () => {};
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const load = store.qa.load.bind(store.qa);
    const slowBoards = new QaBoards({
      ...store,
      qa: { ...store.qa, load: async (m) => load(m).then(async (r) => (await gate, r)) },
    });
    const slow = slowBoards.get('m1');
    await new Promise((resolve) => setImmediate(resolve));
    const { version } = await store.qa.ask(question('b'));
    slowBoards.committed('m1', version, (b) => ({ ...b, questions: [...b.questions, question('b')] }));
    finish();
    expect((await slow).version).toBe(1);
    // The overtaken read was served but not kept: the next read is the database's version 2.
    expect(await slowBoards.get('m1')).toMatchObject({ version: 2, questions: [{ id: 'a' }, { id: 'b' }] });
  });
});
