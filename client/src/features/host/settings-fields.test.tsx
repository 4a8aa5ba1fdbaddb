import { describe, expect, it } from 'vitest';
import { render, settle, trackViews } from '../../test/render';
import type { QuestionKind } from '@quorum/shared';
import { blankForm, blankQuestion, draftFromForm, type PollForm } from './composer-model';
import { isQuiz, quizSwitch } from './kind-settings';
import { switchKind } from './question-form';
import { SettingsFields } from './settings-fields';

const track = trackViews();

/** The settings of `form` rendered in `locale`, with each change applied to the form. */
async function settings(form: PollForm, locale: 'en' | 'de' = 'en') {
  let current = form;
  const view = track(
    await render(
      <SettingsFields
        form={form}
        set={(patch) => {
          current = { ...current, ...patch };
        }}
      />,
      { locale },
    ),
  );
  const chips = () => [...view.container.querySelectorAll('.chip')].map((c) => c.textContent);
  const details = view.container.querySelector('details')!;
  return { ...view, chips, details, form: () => current };
}

describe('the composer’s settings, folded to chips', () => {
  it('starts folded, its summary naming the rules the ballot will show', async () => {
    const view = await settings(blankForm());
    expect(view.details.open).toBe(false);
    expect(view.details.querySelector('summary')?.textContent).toBe('SettingsNamedAnswers can changeLive results');
    expect(view.details.querySelector('legend')?.className).toBe('visually-hidden');
  });

  it('follows the settings: anonymous, final answers, results when shared, a time limit and quiz mode', async () => {
    const form: PollForm = {
      ...blankForm(),
      anonymous: true,
      allowAnswerChange: false,
      resultsVisibility: 'host_only',
      closeAfterSec: '45',
      quiz: true,
    };
    expect((await settings(form)).chips()).toEqual([
      'Anonymous',
      'No changes',
      'Results when shared',
      'Closes after 45 s',
      'Quiz',
    ]);
    expect((await settings(form, 'de')).chips()).toEqual([
      'Anonym',
      'Keine Änderung',
      'Ergebnisse bei Freigabe',
      'Endet nach 45 s',
      'Quiz',
    ]);
  });

  it('leaves out a time limit that is not a number yet', async () => {
    expect((await settings({ ...blankForm(), closeAfterSec: ' ' })).chips()).toHaveLength(3);
  });

  it('unfolds on its summary, showing the controls', async () => {
    const view = await settings(blankForm());
    await settle(() => view.details.querySelector('summary')!.click());
    expect(view.details.open).toBe(true);
    const anonymous = [...view.details.querySelectorAll('label')].find((l) => l.textContent?.includes('Anonymous'));
    await settle(() => anonymous!.querySelector('input')!.click());
    expect(view.form().anonymous).toBe(true);
  });
});

/** The labels of the on/off settings shown. */
const toggles = (container: HTMLElement) =>
  [...container.querySelectorAll('label.choice')]
    .filter((l) => l.querySelector('input[type=checkbox]'))
    .map((l) => l.textContent?.trim());

/** A poll of one question of `kind`. */
const pollOf = (kind: QuestionKind): PollForm => ({ ...blankForm(), questions: [switchKind(blankQuestion(), kind)] });

describe('settings only for the kinds they concern', () => {
  it('offers quiz mode for a choice poll, no profanity filter', async () => {
    const view = await settings(pollOf('single'));
    expect(toggles(view.container)).toEqual([
      'Anonymous',
      'Voters can change their answer',
      'Quiz: score correct answers',
    ]);
    expect((await settings(pollOf('multiple'))).container.textContent).toContain('Quiz: score correct answers');
  });

  it('offers the profanity filter for an open-text poll, no quiz mode; rating, rank and number get neither', async () => {
    const text = await settings(pollOf('text'));
    expect(toggles(text.container)).toEqual([
      'Anonymous',
      'Voters can change their answer',
      'Mask profanity in open-text answers',
    ]);
    expect(text.container.textContent).toContain('More words to mask');
    for (const kind of ['rating', 'rank', 'number'] as const)
      expect(toggles((await settings(pollOf(kind))).container)).toEqual([
        'Anonymous',
        'Voters can change their answer',
      ]);
  });

  it('switching quiz on hides the results until the close and makes answers final, which the host may undo', async () => {
    const view = await settings(blankForm());
    const quiz = [...view.container.querySelectorAll('label')].find((l) => l.textContent?.includes('Quiz'))!;
    await settle(() => quiz.querySelector('input')!.click());
    expect(view.form()).toMatchObject({ quiz: true, resultsVisibility: 'after_close', allowAnswerChange: false });
    expect(quizSwitch(false)).toEqual({ quiz: false });
  });

  it('drops a quiz whose scorable questions are gone, so no hidden setting is sent', () => {
    const quiz = { ...pollOf('single'), quiz: true };
    expect(draftFromForm(quiz).settings?.quiz).toBeDefined();
    expect(isQuiz(quiz)).toBe(true);
    const rated = { ...quiz, questions: [switchKind(quiz.questions[0]!, 'rating')] };
    expect(isQuiz(rated)).toBe(false);
    expect(draftFromForm(rated).settings?.quiz).toBeUndefined();
  });
});
