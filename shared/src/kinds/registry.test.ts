import { describe, expect, it } from 'vitest';
import { answerRules } from '../domain/answer-rules';
import { pollDraftSchema, questionSchema } from '../schemas/poll';
import { KINDS, counterFor, kindExamples, kindRules, questionTallySchema } from './registry';

describe('the kind registry', () => {
  it('lists every kind once, under its own name, with an example of itself', () => {
    expect(Object.keys(KINDS)).toEqual(['single', 'multiple', 'rating', 'rank', 'text', 'number']);
    for (const [name, def] of Object.entries(KINDS)) expect([def.kind, def.example.kind]).toEqual([name, name]);
  });

  it.each(kindExamples().map((q) => [q.kind, q] as const))(
    '%s: the example is a valid question, a draft that normalises to itself, and counts to a valid tally',
    (_kind, example) => {
      expect(questionSchema.parse(example)).toEqual(example);
      const draft = pollDraftSchema.parse({ title: 'T', questions: [example] }).questions[0]!;
      expect(kindRules(example.kind).normalize(draft, { index: 0, id: example.id, newId: () => 'new' })).toEqual({
        ok: true,
        data: example,
      });
      const tally = counterFor(example).view();
      expect(questionTallySchema.parse(tally)).toEqual(tally);
      expect(kindRules(example.kind).summaryRows(example, tally).length).toBeGreaterThan(0);
    },
  );

  it('refuses an answer of another kind before the kind’s own rules see it', () => {
    const [single, rating] = [KINDS.single.example, KINDS.rating.example];
    expect(kindRules('single').validateAnswer(single, { kind: 'rating', value: 3 }, answerRules({}))).toMatchObject({
      ok: false,
      error: { field: 'answer.kind' },
    });
    const counter = counterFor(rating);
    counter.add({ answer: { kind: 'single', optionId: 'a' }, ballotId: 'b', castAt: 1 }, 1);
    expect(counter.view()).toMatchObject({ voters: 0 });
  });

  it('scores only the kinds with quiz rules, and only with correct answers set', () => {
    const keyed = { ...KINDS.single.example, correctOptionIds: ['b'] };
    expect([
      kindRules('single').scores(KINDS.single.example),
      kindRules('single').scores(keyed),
      kindRules('rating').scores(KINDS.rating.example),
    ]).toEqual([false, true, false]);
    expect(kindRules('single').isCorrect(keyed, { kind: 'single', optionId: 'b' })).toBe(true);
    expect(kindRules('single').isCorrect(keyed, { kind: 'single', optionId: 'a' })).toBe(false);
  });
});
