import { describe, expect, it } from 'vitest';
import type { Result } from '../protocol/errors';
import { LIMITS, pollDraftSchema, pollSchema, type Poll, type PollDraft, type PollDraftInput } from '../schemas/poll';
import {
  closePoll,
  createPoll,
  editPoll,
  isPastDeadline,
  openPoll,
  shareResults,
  unshareResults,
  titleFromPrompt,
  type DomainContext,
} from './poll';

/** A clock frozen at `now` and ids `id1`, `id2`, … in call order. */
function context(now = 1_000_000): DomainContext {
  let n = 0;
  return { now, newId: () => `id${++n}` };
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function expectFail<T>(result: Result<T>, code: string, field?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).not.toBe('');
  if (field !== undefined) expect(result.error.field).toBe(field);
}

const parseDraft = (input: PollDraftInput): PollDraft => pollDraftSchema.parse(input);

const baseInput = (): PollDraftInput => ({
  title: 'Lunch',
  questions: [
    { kind: 'single', prompt: 'Where?', options: [{ label: 'Cafe' }, { label: 'Park' }] },
    {
      kind: 'multiple',
      prompt: 'What?',
      options: [{ label: 'Soup' }, { label: 'Salad' }, { label: 'Bread' }],
      minPicks: 1,
      maxPicks: 2,
    },
    { kind: 'rating', prompt: 'Hungry?', min: 1, max: 5 },
  ],
});

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Option ${i + 1}` }));

function newPoll(
  settings: PollDraftInput['settings'] = undefined,
  ctx = context(),
  overrides: Partial<PollDraftInput> = {},
): Poll {
  return unwrap(createPoll(parseDraft({ ...baseInput(), settings, ...overrides }), 'meeting-1', ctx));
}

describe('pollDraftSchema', () => {
  it('parses a draft, trims text and fills in the default settings', () => {
    const draft = parseDraft({ ...baseInput(), title: '  Lunch  ' });
    expect(draft.title).toBe('Lunch');
    expect(draft.settings).toEqual({
      anonymous: false,
      resultsVisibility: 'live',
      allowAnswerChange: true,
      closeAfterSec: null,
    });
    const rating = draft.questions[2];
    expect(rating).toMatchObject({ kind: 'rating', minLabel: '', maxLabel: '' });
  });

  it('fills defaults inside partial settings', () => {
    const draft = parseDraft({ ...baseInput(), settings: { anonymous: true } });
    expect(draft.settings).toEqual({
      anonymous: true,
      resultsVisibility: 'live',
      allowAnswerChange: true,
      closeAfterSec: null,
    });
  });

  it('accepts titles of 1 to 120 characters', () => {
    expect(pollDraftSchema.safeParse({ ...baseInput(), title: 'x' }).success).toBe(true);
    expect(pollDraftSchema.safeParse({ ...baseInput(), title: 'x'.repeat(LIMITS.titleMax) }).success).toBe(true);
    expect(LIMITS.titleMax).toBe(120);
  });

  it('rejects a title over 120 characters', () => {
    const parsed = pollDraftSchema.safeParse({ ...baseInput(), title: 'x'.repeat(LIMITS.titleMax + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['title']);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('titles an %s-titled poll by its first question', (_name, title) => {
    expect(newPoll(undefined, context(), { title }).title).toBe('Where?');
  });

  it('cuts a long first question at a word to make the title', () => {
    const prompt = `${'word '.repeat(50)}end?`;
    const poll = newPoll(undefined, context(), {
      title: '',
      questions: [{ kind: 'single', prompt, options: options(2) }],
    });
    expect(poll.title.length).toBeLessThanOrEqual(LIMITS.titleMax);
    expect(poll.title).toMatch(/^word( word)*…$/);
    expect(titleFromPrompt('Short?')).toBe('Short?');
  });

  it('measures the title after trimming', () => {
    expect(pollDraftSchema.safeParse({ ...baseInput(), title: ` ${'x'.repeat(LIMITS.titleMax)} ` }).success).toBe(true);
  });

  it.each(['single', 'multiple'] as const)('enforces 2 to 20 options on %s questions', (kind) => {
    const question = (n: number) =>
      kind === 'single'
        ? { kind, prompt: 'Pick', options: options(n) }
        : { kind, prompt: 'Pick', options: options(n), minPicks: 0, maxPicks: 1 };
    const accepts = (n: number) => pollDraftSchema.safeParse({ title: 'T', questions: [question(n)] }).success;
    expect(accepts(LIMITS.optionsMin - 1)).toBe(false);
    expect(accepts(LIMITS.optionsMin)).toBe(true);
    expect(accepts(LIMITS.optionsMax)).toBe(true);
    expect(accepts(LIMITS.optionsMax + 1)).toBe(false);
    expect([LIMITS.optionsMin, LIMITS.optionsMax]).toEqual([2, 20]);
  });

  it('needs 1 to 20 questions', () => {
    const q = { kind: 'single' as const, prompt: 'P', options: options(2) };
    expect(pollDraftSchema.safeParse({ title: 'T', questions: [] }).success).toBe(false);
    expect(pollDraftSchema.safeParse({ title: 'T', questions: Array(LIMITS.questionsMax).fill(q) }).success).toBe(true);
    expect(pollDraftSchema.safeParse({ title: 'T', questions: Array(LIMITS.questionsMax + 1).fill(q) }).success).toBe(
      false,
    );
  });

  it('rejects unknown keys, unknown kinds, blank option labels and malformed ids', () => {
    expect(pollDraftSchema.safeParse({ ...baseInput(), extra: 1 }).success).toBe(false);
    expect(pollDraftSchema.safeParse({ title: 'T', questions: [{ kind: 'text', prompt: 'P' }] }).success).toBe(false);
    expect(
      pollDraftSchema.safeParse({
        title: 'T',
        questions: [{ kind: 'single', prompt: 'P', options: [{ label: ' ' }, { label: 'b' }] }],
      }).success,
    ).toBe(false);
    expect(
      pollDraftSchema.safeParse({
        title: 'T',
        questions: [{ kind: 'single', id: 'a b', prompt: 'P', options: options(2) }],
      }).success,
    ).toBe(false);
    expect(
      pollDraftSchema.safeParse({
        title: 'T',
        questions: [{ kind: 'single', prompt: 'P', options: [{ label: 'a', color: 'red' }, { label: 'b' }] }],
      }).success,
    ).toBe(false);
  });

  it('bounds rating scales and closeAfterSec', () => {
    const rating = (min: number, max: number) =>
      pollDraftSchema.safeParse({ title: 'T', questions: [{ kind: 'rating', prompt: 'P', min, max }] }).success;
    expect(rating(0, 10)).toBe(true);
    expect(rating(2, 5)).toBe(false);
    expect(rating(1, 11)).toBe(false);
    expect(rating(1, 1)).toBe(false);
    const closeAfter = (closeAfterSec: number | null) =>
      pollDraftSchema.safeParse({ ...baseInput(), settings: { closeAfterSec } }).success;
    expect(closeAfter(null)).toBe(true);
    expect(closeAfter(5)).toBe(true);
    expect(closeAfter(4)).toBe(false);
    expect(closeAfter(LIMITS.closeAfterSecMax + 1)).toBe(false);
    expect(closeAfter(7.5)).toBe(false);
  });
});

describe('createPoll', () => {
  it('creates a draft with ids for every question and option', () => {
    const poll = unwrap(createPoll(parseDraft(baseInput()), 'meeting-1', context(42)));
    expect(pollSchema.parse(poll)).toEqual(poll);
    expect(poll).toMatchObject({
      meetingId: 'meeting-1',
      title: 'Lunch',
      status: 'draft',
      run: 0,
      resultsShared: false,
      createdAt: 42,
      openedAt: null,
      closedAt: null,
      closesAt: null,
    });
    const ids = [
      poll.id,
      ...poll.questions.flatMap((q) => [q.id, ...('options' in q ? q.options.map((o) => o.id) : [])]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(poll.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'rating']);
  });

  it('keeps the ids the host chose', () => {
    const draft = parseDraft({
      title: 'T',
      questions: [
        { id: 'q-color', kind: 'single', prompt: 'Color?', options: [{ id: 'red', label: 'Red' }, { label: 'Blue' }] },
      ],
    });
    const poll = unwrap(createPoll(draft, 'm', context()));
    const q = poll.questions[0];
    expect(q?.id).toBe('q-color');
    expect(q?.kind === 'single' && q.options[0]?.id).toBe('red');
    expect(q?.kind === 'single' && q.options[1]?.id).not.toBe('red');
  });

  it('rejects duplicate question ids', () => {
    const draft = parseDraft({
      title: 'T',
      questions: [
        { id: 'q', kind: 'single', prompt: 'A', options: options(2) },
        { id: 'q', kind: 'rating', prompt: 'B', min: 1, max: 5 },
      ],
    });
    expectFail(createPoll(draft, 'm', context()), 'INVALID', 'questions.1.id');
  });

  it('rejects duplicate option ids within a question', () => {
    const draft = parseDraft({
      title: 'T',
      questions: [
        { kind: 'single', prompt: 'A', options: [{ id: 'o', label: 'x' }, { label: 'y' }, { id: 'o', label: 'z' }] },
      ],
    });
    expectFail(createPoll(draft, 'm', context()), 'INVALID', 'questions.0.options.2.id');
  });

  it('allows the same option id in different questions', () => {
    const q = {
      kind: 'single' as const,
      prompt: 'A',
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
    };
    expect(createPoll(parseDraft({ title: 'T', questions: [q, q] }), 'm', context()).ok).toBe(true);
  });

  it('rejects minPicks greater than maxPicks', () => {
    const draft = parseDraft({
      title: 'T',
      questions: [{ kind: 'multiple', prompt: 'A', options: options(4), minPicks: 3, maxPicks: 2 }],
    });
    expectFail(createPoll(draft, 'm', context()), 'INVALID', 'questions.0.minPicks');
  });

  it('rejects maxPicks greater than the number of options', () => {
    const draft = parseDraft({
      title: 'T',
      questions: [{ kind: 'multiple', prompt: 'A', options: options(3), minPicks: 0, maxPicks: 4 }],
    });
    expectFail(createPoll(draft, 'm', context()), 'INVALID', 'questions.0.maxPicks');
    const fits = parseDraft({
      title: 'T',
      questions: [{ kind: 'multiple', prompt: 'A', options: options(3), minPicks: 3, maxPicks: 3 }],
    });
    expect(createPoll(fits, 'm', context()).ok).toBe(true);
  });

  it('rejects a rating scale whose maximum does not exceed its minimum', () => {
    // The schema already bars this (min ≤ 1 < 2 ≤ max), so build the draft directly to reach the domain rule.
    const draft: PollDraft = {
      title: 'T',
      questions: [{ kind: 'rating', prompt: 'A', min: 1, max: 1, minLabel: '', maxLabel: '' }],
      settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
    };
    expectFail(createPoll(draft, 'm', context()), 'INVALID', 'questions.0.max');
    expectFail(
      createPoll(
        { ...draft, questions: [{ ...draft.questions[0]!, min: 1, max: 0 } as PollDraft['questions'][number]] },
        'm',
        context(),
      ),
      'INVALID',
    );
  });
});

describe('editPoll', () => {
  it('replaces the content of a draft and keeps its identity', () => {
    const poll = newPoll();
    const edited = unwrap(
      editPoll(
        poll,
        parseDraft({ title: 'Dinner', questions: [{ kind: 'rating', prompt: 'Rate', min: 0, max: 10 }] }),
        context(99),
      ),
    );
    expect(edited).toMatchObject({
      id: poll.id,
      meetingId: poll.meetingId,
      createdAt: poll.createdAt,
      status: 'draft',
      run: 0,
      title: 'Dinner',
    });
    expect(edited.questions).toHaveLength(1);
  });

  it('checks the draft rules on edit too', () => {
    const draft = parseDraft({
      title: 'T',
      questions: [{ kind: 'multiple', prompt: 'A', options: options(2), minPicks: 0, maxPicks: 3 }],
    });
    expectFail(editPoll(newPoll(), draft, context()), 'INVALID', 'questions.0.maxPicks');
  });

  it('refuses to edit an open or closed poll', () => {
    const open = unwrap(openPoll(newPoll(), 10));
    const closed = unwrap(closePoll(open, 20));
    const draft = parseDraft(baseInput());
    expectFail(editPoll(open, draft, context()), 'INVALID');
    expectFail(editPoll(closed, draft, context()), 'INVALID');
  });
});

describe('lifecycle', () => {
  it('goes draft → open → closed', () => {
    const draft = newPoll();
    const open = unwrap(openPoll(draft, 5_000));
    expect(open).toMatchObject({
      status: 'open',
      run: 1,
      openedAt: 5_000,
      closedAt: null,
      closesAt: null,
      resultsShared: false,
    });
    const closed = unwrap(closePoll(open, 9_000));
    expect(closed).toMatchObject({ status: 'closed', run: 1, openedAt: 5_000, closedAt: 9_000, closesAt: null });
    expect(draft.status).toBe('draft');
    expect(open.status).toBe('open');
  });

  it('refuses to open a poll that is already open', () => {
    expectFail(openPoll(unwrap(openPoll(newPoll(), 1)), 2), 'INVALID');
  });

  it('sets closesAt from closeAfterSec on launch', () => {
    const open = unwrap(openPoll(newPoll({ closeAfterSec: 30 }), 5_000));
    expect(open.closesAt).toBe(5_000 + 30_000);
  });

  it('relaunches a closed poll as a new run with a fresh deadline', () => {
    const closed = unwrap(closePoll(unwrap(openPoll(newPoll({ closeAfterSec: 60 }), 1_000)), 2_000));
    const shared = unwrap(shareResults(closed));
    const again = unwrap(openPoll(shared, 10_000));
    expect(again).toMatchObject({
      status: 'open',
      run: 2,
      openedAt: 10_000,
      closedAt: null,
      closesAt: 70_000,
      resultsShared: false,
    });
    const third = unwrap(openPoll(unwrap(closePoll(again, 11_000)), 20_000));
    expect(third.run).toBe(3);
    expect(third.closesAt).toBe(80_000);
  });

  it('refuses to close a draft or a closed poll', () => {
    const draft = newPoll();
    expectFail(closePoll(draft, 1), 'INVALID');
    const closed = unwrap(closePoll(unwrap(openPoll(draft, 1)), 2));
    expectFail(closePoll(closed, 3), 'INVALID');
  });
});

describe('shareResults', () => {
  it('shares the results of an open or closed poll', () => {
    const open = unwrap(openPoll(newPoll(), 1));
    expect(unwrap(shareResults(open)).resultsShared).toBe(true);
    expect(unwrap(shareResults(unwrap(closePoll(open, 2)))).resultsShared).toBe(true);
    expect(open.resultsShared).toBe(false);
  });

  it('refuses to share the results of a draft', () => {
    expectFail(shareResults(newPoll()), 'INVALID');
  });
});

describe('unshareResults', () => {
  it('takes a share back, and refuses when nothing is shared', () => {
    const open = unwrap(openPoll(newPoll(), 1));
    expect(unwrap(unshareResults(unwrap(shareResults(open)))).resultsShared).toBe(false);
    expectFail(unshareResults(open), 'INVALID');
  });
});

describe('isPastDeadline', () => {
  it('is true from closesAt on while the poll is open', () => {
    const open = unwrap(openPoll(newPoll({ closeAfterSec: 10 }), 0));
    expect(isPastDeadline(open, 9_999)).toBe(false);
    expect(isPastDeadline(open, 10_000)).toBe(true);
    expect(isPastDeadline(open, 50_000)).toBe(true);
  });

  it('is false without a deadline, for drafts and for closed polls', () => {
    expect(isPastDeadline(unwrap(openPoll(newPoll(), 0)), Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isPastDeadline(newPoll({ closeAfterSec: 10 }), Number.MAX_SAFE_INTEGER)).toBe(false);
    const open = unwrap(openPoll(newPoll({ closeAfterSec: 10 }), 0));
    expect(isPastDeadline({ ...open, status: 'closed' }, 20_000)).toBe(false);
  });
});
