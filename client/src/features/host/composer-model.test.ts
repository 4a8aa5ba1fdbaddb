import { describe, expect, it } from 'vitest';
import { pollDraftSchema, type PollDraftInput } from '@quorum/shared';
import { makePoll } from '../../test/fixtures';
import type { ChoiceForm } from '../../kinds/choice/choice-form';
import type { NumberForm } from '../../kinds/number/number-editor';
import {
  blankForm,
  blankQuestion,
  describeField,
  draftFromForm,
  formFromDraft,
  formProblem,
  type QuestionForm,
} from './composer-model';
import { kindForm, switchKind, withKindForm } from './question-form';

/** The question with some of its current kind's form changed, as the kind's editor would. */
const edit = <F>(q: QuestionForm, change: (form: F) => Partial<F>): QuestionForm => {
  const form = kindForm(q) as F;
  return withKindForm(q, { ...form, ...change(form) });
};
const choiceOf = (q: QuestionForm) => kindForm(q) as ChoiceForm;

describe('composer model', () => {
  it('reports the first problem in the host’s terms', () => {
    const form = blankForm();
    // The title may stay blank (the first question names the poll): the first problem is the question.
    expect(formProblem(form)).toMatch(/^Question 1, question text: /);
    form.questions[0]!.prompt = 'Where?';
    expect(formProblem(form)).toMatch(/^Question 1, option 1: /);
    form.questions[0] = edit<ChoiceForm>(form.questions[0]!, (f) => ({
      options: f.options.map((o, i) => ({ ...o, label: `Place ${i}` })),
    }));
    expect(formProblem(form)).toBeNull();
    form.questions[0] = edit<ChoiceForm>(switchKind(form.questions[0], 'multiple'), () => ({
      minPicks: 2,
      maxPicks: 1,
    }));
    expect(formProblem(form)).toMatch(/minimum picks/);
  });

  it('round-trips a poll, keeping ids, and emits a valid draft', () => {
    const poll = makePoll({
      settings: { anonymous: true, resultsVisibility: 'host_only', allowAnswerChange: false, closeAfterSec: 60 },
    });
    const draft = draftFromForm(formFromDraft(poll));
    expect(draft.questions[0]).toEqual(poll.questions[0]);
    expect(draft.settings).toEqual(poll.settings);
    expect(pollDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('round-trips every new kind, required flags, the profanity filter and quiz settings', () => {
    const survey: PollDraftInput = {
      title: 'Retro',
      questions: [
        {
          id: 'r',
          kind: 'rank',
          prompt: 'Order',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        },
        { id: 't', kind: 'text', prompt: 'Why?', variant: 'long', required: false },
        { id: 'n', kind: 'number', prompt: 'How far?', min: -5, max: 5, step: 0.5, unit: 'km' },
        {
          id: 's',
          kind: 'single',
          prompt: 'Capital?',
          options: [
            { id: 'x', label: 'Paris' },
            { id: 'y', label: 'Lyon' },
          ],
          correctOptionIds: ['x'],
        },
      ],
      settings: {
        anonymous: false,
        resultsVisibility: 'live',
        allowAnswerChange: true,
        closeAfterSec: 30,
        profanityFilter: false,
        quiz: { points: 100, speedBonus: 50, speedWindowSec: null },
      },
    };
    const draft = draftFromForm(formFromDraft(survey));
    expect(draft).toEqual(survey);
  });

  it('names new quiz options by their key, so correct answers can point at them', () => {
    const form = { ...blankForm(), title: 'Quiz', quiz: true };
    form.questions[0] = edit<ChoiceForm>({ ...form.questions[0]!, prompt: '2 + 2?' }, (f) => ({
      options: f.options.map((o, i) => ({ ...o, label: String(3 + i), correct: i === 1 })),
    }));
    expect(formProblem(form)).toBeNull();
    const [question] = draftFromForm(form).questions;
    expect(question).toMatchObject({
      kind: 'single',
      correctOptionIds: [choiceOf(form.questions[0])!.options[1]!.key],
    });
    // Without a correct answer anywhere, a quiz has nothing to score.
    form.questions[0] = edit<ChoiceForm>(form.questions[0], (f) => ({
      options: f.options.map((o) => ({ ...o, correct: false })),
    }));
    expect(formProblem(form)).toMatch(/^Quiz: /);
  });

  it('checks number bounds and rank sizes with the shared rules', () => {
    const number = edit<NumberForm>(switchKind({ ...blankQuestion(), prompt: 'How many?' }, 'number'), () => ({
      max: '',
    }));
    const form = { ...blankForm(), title: 'Guess', questions: [number] };
    expect(formProblem(form)).toMatch(/^Question 1, maximum: /);
    form.questions[0] = edit<NumberForm>(number, () => ({ max: '10', step: '3' }));
    expect(formProblem(form)).toMatch(/whole number of steps/);
    const rank = edit<ChoiceForm>(switchKind({ ...blankQuestion(), prompt: 'Order' }, 'rank'), () => ({
      options: Array.from({ length: 11 }, (_, i) => ({ key: `o${i}`, label: `Item ${i}`, correct: false })),
    }));
    expect(formProblem({ ...form, questions: [rank] })).toMatch(/^Question 1, options: /);
  });

  it('keeps what each kind had when the host switches kind and back', () => {
    let q = edit<ChoiceForm>({ ...blankQuestion(), prompt: 'Which?' }, (f) => ({
      options: f.options.map((o, i) => ({ ...o, label: `Opt ${i}` })),
    }));
    // The options follow between the kinds that edit options…
    q = switchKind(q, 'rank');
    expect(choiceOf(q).options.map((o) => o.label)).toEqual(['Opt 0', 'Opt 1']);
    // …and a number range typed meanwhile is still there after a round trip through choice kinds.
    q = edit<NumberForm>(switchKind(q, 'number'), () => ({ min: '-3', unit: 'km' }));
    q = switchKind(switchKind(q, 'multiple'), 'number');
    expect(kindForm(q)).toMatchObject({ min: '-3', unit: 'km' });
    expect(choiceOf(switchKind(q, 'single')).options.map((o) => o.label)).toEqual(['Opt 0', 'Opt 1']);
  });

  it('names fields', () => {
    expect(describeField('questions.2.options.0.label')).toBe('Question 3, option 1');
    expect(describeField('settings.quiz.points')).toBe('Quiz, points');
    expect(describeField(undefined)).toBe('');
  });
});
