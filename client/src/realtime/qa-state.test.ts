import { describe, expect, it } from 'vitest';
import { DEFAULT_QA_SETTINGS, type QaQuestionView, type QaUpdate } from '@quorum/shared';
import { initialQaState, qaQueueLength, qaQuestions, qaReducer, type QaAction } from './qa-state';

const q = (id: string, extra: Partial<QaQuestionView> = {}): QaQuestionView => ({
  id,
  text: `Question ${id}`,
  status: 'live',
  pinned: false,
  reply: null,
  anonymous: false,
  createdAt: Number(id.slice(1)),
  editedAt: null,
  upvotes: 0,
  ...extra,
});
const update = (version: number, questions: QaQuestionView[], settings = DEFAULT_QA_SETTINGS): QaUpdate => ({
  meetingId: 'm1',
  version,
  settings: { ...settings, enabled: true },
  questions,
});
const run = (...actions: QaAction[]) => actions.reduce(qaReducer, initialQaState);
const ids = (list: QaQuestionView[]) => list.map((x) => x.id);

describe('Q&A client state', () => {
  it('takes my questions and upvotes from the snapshot, then keeps the newest version of each list', () => {
    const snap = update(3, [q('q1', { upvotes: 2, upvoted: true }), q('q2', { mine: true, status: 'waiting' })]);
    const state = run(
      { type: 'qa:snapshot', qa: snap },
      { type: 'qa:update', update: update(5, [q('q1', { upvotes: 4 }), q('q3', { upvotes: 9 })]) },
      { type: 'qa:update', update: update(4, [q('q1', { upvotes: 3 })]) },
    );
    expect(state.list?.version).toBe(5);
    expect(state.upvoted).toEqual({ q1: true });
    const shown = qaQuestions(state, 'top');
    expect(ids(shown)).toEqual(['q3', 'q1', 'q2']);
    expect(shown.find((x) => x.id === 'q2')).toMatchObject({ mine: true, status: 'waiting' });
    expect(shown.find((x) => x.id === 'q1')).toMatchObject({ upvotes: 4, upvoted: true });
    expect(ids(qaQuestions(state, 'recent'))).toEqual(['q3', 'q2', 'q1']);
  });

  it('shows my new question at once, a dismissal from qa:mine, and a withdrawal everywhere', () => {
    const state = run(
      { type: 'qa:snapshot', qa: update(1, []) },
      { type: 'qa:asked', question: q('q7', { status: 'waiting' }) },
    );
    expect(qaQuestions(state, 'top')).toMatchObject([{ id: 'q7', mine: true, status: 'waiting' }]);
    const dismissed = qaReducer(state, {
      type: 'qa:mine',
      mine: update(2, [q('q7', { status: 'dismissed', mine: true })]),
    });
    expect(qaQuestions(dismissed, 'top')).toMatchObject([{ id: 'q7', status: 'dismissed' }]);
    expect(qaQuestions(qaReducer(dismissed, { type: 'qa:withdrawn', questionId: 'q7' }), 'top')).toEqual([]);
  });

  it('marks and unmarks upvotes from acks, keeps the server’s ranking when counts are hidden, and counts the queue', () => {
    const hidden = { ...DEFAULT_QA_SETTINGS, upvotesShown: false };
    const ranked = [q('q9', { upvotes: undefined }), q('q1', { upvotes: undefined })];
    let state = run(
      { type: 'qa:snapshot', qa: update(1, ranked, hidden) },
      { type: 'qa:upvoted', questionId: 'q1', up: true },
    );
    expect(ids(qaQuestions(state, 'top'))).toEqual(['q9', 'q1']);
    expect(qaQuestions(state, 'top')[1]).toMatchObject({ upvoted: true });
    state = qaReducer(state, { type: 'qa:upvoted', questionId: 'q1', up: false });
    expect(state.upvoted).toEqual({});
    const host = run({
      type: 'qa:update',
      update: update(2, [q('q1', { status: 'waiting' }), q('q2'), q('q3', { status: 'waiting' })]),
    });
    expect(qaQueueLength(host)).toBe(2);
  });
});
