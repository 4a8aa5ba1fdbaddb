import { describe, expect, it } from 'vitest';
import { pollDraftSchema } from '@quorum/shared';
import { makePoll } from '../../test/fixtures';
import { blankForm, describeField, draftFromForm, formFromDraft, formProblem } from './composer-model';

describe('composer model', () => {
  it('reports the first problem in the host’s terms', () => {
    const form = blankForm();
    expect(formProblem(form)).toMatch(/^Title: /);
    form.title = 'Lunch';
    form.questions[0]!.prompt = 'Where?';
    expect(formProblem(form)).toMatch(/^Question 1, option 1: /);
    form.questions[0]!.options = form.questions[0]!.options.map((o, i) => ({ ...o, label: `Place ${i}` }));
    expect(formProblem(form)).toBeNull();
    form.questions[0]!.kind = 'multiple';
    form.questions[0]!.minPicks = 2;
    form.questions[0]!.maxPicks = 1;
    expect(formProblem(form)).toMatch(/minimum picks/);
  });

  it('round-trips a poll, keeping ids, and emits a valid draft', () => {
    const poll = makePoll({ settings: { anonymous: true, resultsVisibility: 'host_only', allowAnswerChange: false, closeAfterSec: 60 } });
    const draft = draftFromForm(formFromDraft(poll));
    expect(draft.questions[0]).toEqual(poll.questions[0]);
    expect(draft.settings).toEqual(poll.settings);
    expect(pollDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('names fields', () => {
    expect(describeField('questions.2.options.0.label')).toBe('Question 3, option 1');
    expect(describeField(undefined)).toBe('');
  });
});
