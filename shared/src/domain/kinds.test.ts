import { describe, expect, it } from 'vitest';
import type { Result } from '../protocol/errors';
import type { Answer } from '../schemas/ballot';
import { pollDraftSchema, type PollDraftInput, type Question } from '../schemas/poll';
import { options, question } from '../testing';
import { validateAnswer } from './ballot';
import { normalizeDraft } from './poll';

const rank = question('rank', { id: 'qk' });
const short = question('text', { id: 'qt' });
const long = question('text', { id: 'qt', variant: 'long' });
const estimate = question('number', { id: 'qn', max: 1, step: 0.1 });

function expectInvalid<T>(result: Result<T>, field: string) {
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID', field } });
}

const valid = (q: Question, a: Answer, filter = false) => validateAnswer(q, a, { maskProfanity: filter });

describe('rank answers', () => {
  it('accepts a full ordering', () => {
    expect(valid(rank, { kind: 'rank', optionIds: ['c', 'a', 'b'] })).toEqual({
      ok: true,
      data: { kind: 'rank', optionIds: ['c', 'a', 'b'] },
    });
  });
  it('names answer.optionIds for an unknown, a duplicate or a missing item', () => {
    expectInvalid(valid(rank, { kind: 'rank', optionIds: ['c', 'a', 'x'] }), 'answer.optionIds');
    expectInvalid(valid(rank, { kind: 'rank', optionIds: ['c', 'a', 'a'] }), 'answer.optionIds');
    expectInvalid(valid(rank, { kind: 'rank', optionIds: ['c', 'a'] }), 'answer.optionIds');
  });
  it('refuses another kind of answer', () => {
    expectInvalid(valid(rank, { kind: 'single', optionId: 'a' }), 'answer.kind');
  });
});

describe('text answers', () => {
  it('trims, and refuses empty or too long answers per variant', () => {
    expect(valid(short, { kind: 'text', text: '  hi  ' })).toEqual({ ok: true, data: { kind: 'text', text: 'hi' } });
    expectInvalid(valid(short, { kind: 'text', text: '   ' }), 'answer.text');
    expectInvalid(valid(short, { kind: 'text', text: 'x'.repeat(201) }), 'answer.text');
    expect(valid(long, { kind: 'text', text: 'x'.repeat(2000) }).ok).toBe(true);
    // Characters, not UTF-16 units: 200 emoji fit a short answer.
    expect(valid(short, { kind: 'text', text: '🙂'.repeat(200) }).ok).toBe(true);
  });
  it('masks profanity when the rules ask for it, keeping the answer', () => {
    expect(valid(short, { kind: 'text', text: 'What the FUCK, Scheiße!' }, true)).toEqual({
      ok: true,
      data: { kind: 'text', text: 'What the •••, •••!' },
    });
    expect(valid(short, { kind: 'text', text: 'What the fuck' }, false)).toEqual({
      ok: true,
      data: { kind: 'text', text: 'What the fuck' },
    });
  });
});

describe('number answers', () => {
  it('accepts values on the grid, ends included, despite float error', () => {
    for (const value of [0, 0.3, 0.7, 1]) expect(valid(estimate, { kind: 'number', value }).ok).toBe(true);
    expect(valid(estimate, { kind: 'number', value: 0.1 + 0.2 }).ok).toBe(false); // 0.30000000000000004 is not a grid value
  });
  it('names answer.value when out of range or off the grid', () => {
    expectInvalid(valid(estimate, { kind: 'number', value: 1.1 }), 'answer.value');
    expectInvalid(valid(estimate, { kind: 'number', value: -0.1 }), 'answer.value');
    expectInvalid(valid(estimate, { kind: 'number', value: 0.25 }), 'answer.value');
  });
});

describe('drafts of the new kinds', () => {
  const draft = (questions: PollDraftInput['questions'], settings: PollDraftInput['settings'] = {}) =>
    normalizeDraft(
      pollDraftSchema.parse({ title: 'T', questions, settings }),
      (() => {
        let n = 0;
        return () => `id${++n}`;
      })(),
    );

  it('gives rank items ids and keeps optional flags', () => {
    const r = draft([{ kind: 'rank', prompt: 'R', options: [{ label: 'A' }, { label: 'B' }], required: false }]);
    expect(r).toMatchObject({
      ok: true,
      data: { questions: [{ kind: 'rank', required: false, options: [{ id: 'id2' }, { id: 'id3' }] }] },
    });
  });
  it('refuses more than ten rank items', () => {
    const parsed = pollDraftSchema.safeParse({
      title: 'T',
      questions: [{ kind: 'rank', prompt: 'R', options: Array.from({ length: 11 }, (_, i) => ({ label: `${i}` })) }],
    });
    expect(parsed.success).toBe(false);
  });
  it('checks numeric bounds with the field to blame', () => {
    expectInvalid(draft([{ kind: 'number', prompt: 'N', min: 5, max: 5, step: 1 }]), 'questions.0.max');
    expectInvalid(draft([{ kind: 'number', prompt: 'N', min: 0, max: 10, step: 3 }]), 'questions.0.max');
    expectInvalid(draft([{ kind: 'number', prompt: 'N', min: 0, max: 1, step: 0.0000001 }]), 'questions.0.step');
    expectInvalid(draft([{ kind: 'number', prompt: 'N', min: 0, max: 10_000_000, step: 1 }]), 'questions.0.step');
    expect(draft([{ kind: 'number', prompt: 'N', min: -1.5, max: 1.5, step: 0.25 }]).ok).toBe(true);
  });
  it('checks quiz answers against the options and the pick limits', () => {
    const abc = options('a', 'b', 'c');
    expectInvalid(
      draft([{ kind: 'single', prompt: 'S', options: abc, correctOptionIds: ['z'] }]),
      'questions.0.correctOptionIds',
    );
    expectInvalid(
      draft([{ kind: 'multiple', prompt: 'M', options: abc, minPicks: 1, maxPicks: 1, correctOptionIds: ['a', 'b'] }]),
      'questions.0.correctOptionIds',
    );
    expectInvalid(draft([{ kind: 'single', prompt: 'S', options: abc }], { quiz: {} }), 'settings.quiz');
    const quiz = draft([{ kind: 'single', prompt: 'S', options: abc, correctOptionIds: ['b'] }], { quiz: {} });
    expect(quiz).toMatchObject({
      ok: true,
      data: { settings: { quiz: { points: 500, speedBonus: 500, speedWindowSec: null } } },
    });
  });
  it('refuses blocked words that are not single words', () => {
    const parsed = pollDraftSchema.safeParse({
      title: 'T',
      questions: [short],
      settings: { blockedWords: ['two words'] },
    });
    expect(parsed.success).toBe(false);
  });
});
