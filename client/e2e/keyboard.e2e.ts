import { describe, expect, it } from 'vitest';
import {
  enterPanel,
  expectVisibleFocus,
  focusState,
  hasFocus,
  pressUntil,
  statusRegion as status,
} from './support/keyboard';
import { useMeeting } from './support/use-meeting';
import { POLL } from './support/waits';

const TITLE = 'Team lunch';

const {
  sim,
  host,
  voters: [ines],
} = useMeeting(1);

describe('the whole flow with the keyboard alone', () => {
  it('composes a survey of a choice, a ranking and a text question, and launches it', async () => {
    const f = host.frame;
    await enterPanel(host);
    await pressUntil(host, f.getByTestId('compose-poll'));
    await host.page.keyboard.press('Enter');
    // The composer replaces the button: focus starts at the title.
    await expect.poll(() => hasFocus(f.getByLabel('Title (optional)', { exact: true })), POLL).toBe(true);
    await host.page.keyboard.type(TITLE);

    const editors = f.getByTestId('question-editor');
    const write = async (i: number, prompt: string, typeAhead: string | null, options: string[], add: string) => {
      const editor = editors.nth(i);
      await pressUntil(host, editor.getByLabel('Question', { exact: true }));
      await host.page.keyboard.type(prompt);
      if (typeAhead) {
        await pressUntil(host, editor.getByLabel('Type', { exact: true }));
        await host.page.keyboard.type(typeAhead); // a closed <select> picks by typed prefix
      }
      for (const [j, label] of options.entries()) {
        const input = editor.getByLabel(`Question ${i + 1}, option ${j + 1}`, { exact: true });
        if ((await input.count()) === 0) {
          await pressUntil(host, editor.getByRole('button', { name: add }));
          await host.page.keyboard.press('Enter');
        }
        await pressUntil(host, input);
        await host.page.keyboard.type(label);
      }
    };
    await write(0, 'Where shall we eat?', null, ['Noodles', 'Tacos', 'Salad'], 'Add option');
    await pressUntil(host, f.getByRole('button', { name: 'Add question' }));
    await host.page.keyboard.press('Enter');
    // Adding a question moves focus on to its prompt, where the typing continues.
    await expect.poll(() => hasFocus(editors.nth(1).getByLabel('Question', { exact: true })), POLL).toBe(true);
    await write(1, 'Rank the desserts', 'Rank', ['Cake', 'Fruit', 'Ice cream'], 'Add item');
    await expect(editors.nth(1).getByLabel('Type', { exact: true }).inputValue()).resolves.toBe('rank');
    await pressUntil(host, f.getByRole('button', { name: 'Add question' }));
    await host.page.keyboard.press('Enter');
    await write(2, 'Anything else?', 'Open', [], '');
    await expect(editors.nth(2).getByLabel('Type', { exact: true }).inputValue()).resolves.toBe('text');

    // The settings are folded to chips ("Named · Answers can change · Live results"); Enter unfolds them.
    const summary = f.getByTestId('settings-summary');
    await expect(summary.textContent()).resolves.toBe('SettingsNamedAnswers can changeLive results');
    await pressUntil(host, summary);
    await expectVisibleFocus(host);
    await host.page.keyboard.press('Enter');
    // Results only when the host shares them: the radio group moves with the arrow keys, and the chip follows.
    await pressUntil(host, f.getByLabel('Live, as votes come in'));
    await host.page.keyboard.press('ArrowDown');
    await host.page.keyboard.press('ArrowDown');
    await expect(f.getByLabel('Only when I share them').isChecked()).resolves.toBe(true);
    await expect(summary.textContent()).resolves.toBe('SettingsNamedAnswers can changeResults when shared');

    // Launch, the first button after the settings, saves and opens the poll; focus lands on the live poll.
    await pressUntil(host, f.getByTestId('launch-draft'));
    await host.page.keyboard.press('Enter');
    await host.waitForStatus(TITLE, 'open');
    const heading = host.poll(TITLE).getByRole('heading', { name: TITLE });
    await expect.poll(() => hasFocus(heading), POLL).toBe(true);
    await expectVisibleFocus(host);
  });

  it('votes: a choice with the arrow keys, a ranking reordered by key, a typed answer, and lands on the receipt', async () => {
    await ines.waitForStatus(TITLE, 'open');
    const card = ines.poll(TITLE);
    // Ines was not in her panel (the host's had focus): the poll is announced, focus is left alone.
    await expect.poll(() => status(ines).textContent(), POLL).toBe(`New poll: “${TITLE}”.`);
    expect((await focusState(ines)).inside).toBe(false);

    await enterPanel(ines);
    await pressUntil(ines, card.getByRole('radio', { name: 'Noodles' }));
    await ines.page.keyboard.press('ArrowDown');
    await expect(card.getByRole('radio', { name: 'Tacos' }).isChecked()).resolves.toBe(true);

    // Ice cream to the top: two presses of its "up" button; focus stays on the moved item and each move is announced.
    await pressUntil(ines, card.getByRole('button', { name: 'Move Ice cream up' }));
    await ines.page.keyboard.press('Enter');
    await expect.poll(() => status(ines).textContent(), POLL).toBe('Ice cream moved to place 2 of 3.');
    await ines.page.keyboard.press('Space');
    await expect.poll(() => status(ines).textContent(), POLL).toBe('Ice cream moved to place 1 of 3.');
    // At the top its "up" button is disabled: focus moved on to its "down" button.
    await expect.poll(() => hasFocus(card.getByRole('button', { name: 'Move Ice cream down' })), POLL).toBe(true);
    await expect(card.getByTestId('rank-item').locator('.grow').allTextContents()).resolves.toEqual([
      'Ice cream',
      'Cake',
      'Fruit',
    ]);

    await pressUntil(ines, card.getByRole('textbox'));
    await ines.page.keyboard.type('More vegetables');
    await pressUntil(ines, card.getByRole('button', { name: 'Submit vote' }));
    await ines.page.keyboard.press('Enter');
    await card.getByTestId('vote-receipt').waitFor();
    await expect.poll(() => hasFocus(card.getByTestId('vote-receipt')), POLL).toBe(true);
    await expectVisibleFocus(ines);

    // Changing the vote: focus goes to the picked option, the arrows pick another, and the receipt comes back.
    await pressUntil(ines, card.getByRole('button', { name: 'Change answer' }));
    await ines.page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(card.getByRole('radio', { name: 'Tacos' })), POLL).toBe(true);
    await ines.page.keyboard.press('ArrowDown');
    await pressUntil(ines, card.getByRole('button', { name: 'Update vote' }));
    await ines.page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(card.getByTestId('vote-receipt')), POLL).toBe(true);

    await expect.poll(() => host.bars(TITLE, 0), POLL).toEqual({ Noodles: 0, Tacos: 0, Salad: 1 });
    await expect.poll(() => host.bars(TITLE, 1), POLL).toEqual({ 'Ice cream': 2, Cake: 1, Fruit: 0 });
  });

  it('closes, shares and deletes the poll, focus staying on the poll and then on New poll', async () => {
    const heading = host.poll(TITLE).getByRole('heading', { name: TITLE });
    await enterPanel(host);
    await pressUntil(host, host.poll(TITLE).getByTestId('close-poll'));
    await host.page.keyboard.press('Enter');
    await host.waitForStatus(TITLE, 'closed');
    await expect.poll(() => hasFocus(heading), POLL).toBe(true);
    await expectVisibleFocus(host);

    await pressUntil(host, host.poll(TITLE).getByTestId('share-results'));
    await host.page.keyboard.press('Space');
    await expect.poll(() => host.poll(TITLE).getByTestId('share-results').count(), POLL).toBe(0);
    await expect.poll(() => hasFocus(heading), POLL).toBe(true);
    await expect.poll(() => ines.bars(TITLE, 0), POLL).toEqual({ Noodles: 0, Tacos: 0, Salad: 1 });

    // Delete turns into Confirm delete under the focus; once the poll is gone, focus is back on "New poll".
    await pressUntil(host, host.poll(TITLE).getByRole('button', { name: 'Delete', exact: true }));
    await host.page.keyboard.press('Enter');
    await expect
      .poll(() => hasFocus(host.poll(TITLE).getByRole('button', { name: 'Confirm delete' })), POLL)
      .toBe(true);
    await host.page.keyboard.press('Enter');
    await expect.poll(() => host.poll(TITLE).count(), POLL).toBe(0);
    await expect.poll(() => hasFocus(host.frame.getByTestId('compose-poll')), POLL).toBe(true);
    await expectVisibleFocus(host);
    expect(sim.problems).toEqual([]);
  });

  it('adds a poll from the Library tab, runs it in Polls and reaches its downloads in Report', async () => {
    const saved = { title: 'Retro mood', question: 'How did the sprint go?', options: ['Great', 'Fine'] };
    // Saved beforehand in the Zoom main window (the same composer as above, so with the mouse here).
    const library = await sim.openMainClient('p1');
    await library.saveTemplate(saved);

    // Tab reaches the selected tab (Polls); the arrow keys move between the sections.
    await enterPanel(host);
    await pressUntil(host, host.tab('Polls'));
    await host.page.keyboard.press('ArrowRight'); // Q&A
    await host.page.keyboard.press('ArrowRight');
    await expect.poll(() => hasFocus(host.tab('Library')), POLL).toBe(true);
    const shelf = host.frame.getByTestId('library-import');
    await pressUntil(host, shelf.getByRole('button', { name: `Add “${saved.title}” to this meeting` }));
    await host.page.keyboard.press('Enter');
    await expect
      .poll(() => status(host).textContent(), POLL)
      .toBe(`Added “${saved.title}” to this meeting as a draft.`);
    await pressUntil(host, host.tab('Library'));
    await host.page.keyboard.press('Home'); // back to Polls, past Q&A
    await host.waitForStatus(saved.title, 'draft');
    for (const [action, next] of [
      ['launch-poll', 'open'],
      ['close-poll', 'closed'],
    ] as const) {
      await pressUntil(host, host.poll(saved.title).getByTestId(action));
      await host.page.keyboard.press('Enter');
      await host.waitForStatus(saved.title, next);
    }

    await pressUntil(host, host.tab('Polls'));
    await host.page.keyboard.press('End');
    const report = host.frame.getByTestId('report-panel');
    await pressUntil(host, report.getByRole('link', { name: `Download CSV of ${saved.title}, run 1` }));
    await expectVisibleFocus(host);
    expect(sim.problems).toEqual([]);
  });

  it('opens the settings menu, changes the co-host rule and closes with Escape, focus back on the button', async () => {
    const button = host.frame.getByTestId('settings-button');
    await enterPanel(host);
    await pressUntil(host, button);
    await host.page.keyboard.press('Enter');
    const rule = host.frame.getByTestId('cohosts-may-run');
    await pressUntil(host, rule);
    const before = await rule.isChecked();
    await host.page.keyboard.press('Space');
    await expect.poll(() => rule.isChecked(), POLL).toBe(!before);
    await host.page.keyboard.press('Escape');
    await host.frame.getByTestId('settings-menu').waitFor({ state: 'hidden' });
    await expect.poll(() => hasFocus(button), POLL).toBe(true);
    await expectVisibleFocus(host);
    await host.page.keyboard.press('Enter');
    await pressUntil(host, rule);
    await host.page.keyboard.press('Space');
    await expect.poll(() => rule.isChecked(), POLL).toBe(before);
    await host.page.keyboard.press('Escape');
    expect(sim.problems).toEqual([]);
  });
});
