import { describe, expect, it } from 'vitest';
import { render, settle, trackViews } from '../../test/render';
import { blankForm, type PollForm } from './composer-model';
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
