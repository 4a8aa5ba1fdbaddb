import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../server/test/support/harness';
import { startEnv, type E2eEnv } from './support/env';
import { enterPanel, expectVisibleFocus, focusState, hasFocus, pressUntil, statusRegion as status } from './support/keyboard';
import type { SimPage } from './support/sim-page';
import { connectAs, voteFrom } from './support/socket-client';
import { SurveyPane } from './support/survey-pane';
import { POLL, waitUntil } from './support/waits';

const TITLE = 'Team lunch';

let env: E2eEnv;
let sim: SimPage;
let host: SurveyPane;
let ines: SurveyPane;

beforeAll(async () => {
  env = await startEnv();
  sim = await env.openSim({ open: 'host' });
  host = await new SurveyPane(sim.page, 'p1').ready('host');
  ines = await new SurveyPane(sim.page, (await sim.openApp('p2')).personId).ready('participant');
});
afterAll(() => env?.close());

describe('the whole flow with the keyboard alone', () => {
  it('composes a survey of a choice, a ranking and a text question, and launches it', async () => {
    const f = host.frame;
    await enterPanel(host);
    await pressUntil(host, f.getByTestId('compose-poll'));
    await host.page.keyboard.press('Enter');
    // The composer replaces the button: focus starts at the title.
    await expect.poll(() => hasFocus(f.getByLabel('Title', { exact: true })), POLL).toBe(true);
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

    // Results only when the host shares them: the radio group moves with the arrow keys.
    await pressUntil(host, f.getByLabel('Live, as votes come in'));
    await host.page.keyboard.press('ArrowDown');
    await host.page.keyboard.press('ArrowDown');
    await expect(f.getByLabel('Only when I share them').isChecked()).resolves.toBe(true);

    await pressUntil(host, f.getByTestId('save-draft'));
    await host.page.keyboard.press('Enter');
    await host.waitForStatus(TITLE, 'draft');
    const heading = host.poll(TITLE).getByRole('heading', { name: TITLE });
    // Saved: focus lands on the new draft, one Tab from its Launch button.
    await expect.poll(() => hasFocus(heading), POLL).toBe(true);
    await expectVisibleFocus(host);

    await pressUntil(host, host.poll(TITLE).getByTestId('launch-poll'));
    await host.page.keyboard.press('Enter');
    await host.waitForStatus(TITLE, 'open');
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
    await expect(card.getByTestId('rank-item').locator('.grow').allTextContents()).resolves.toEqual(['Ice cream', 'Cake', 'Fruit']);

    await pressUntil(ines, card.getByRole('textbox'));
    await ines.page.keyboard.type('More vegetables');
    await pressUntil(ines, card.getByRole('button', { name: 'Submit vote' }));
    await ines.page.keyboard.press('Enter');
    await card.getByTestId('vote-receipt').waitFor();
    await expect.poll(() => hasFocus(card.getByTestId('vote-receipt')), POLL).toBe(true);
    await expectVisibleFocus(ines);

    await expect.poll(() => host.bars(TITLE, 0), POLL).toEqual({ Noodles: 0, Tacos: 1, Salad: 0 });
    await expect.poll(() => host.bars(TITLE, 1), POLL).toEqual({ 'Ice cream': 2, Cake: 1, Fruit: 0 });
  });

  it('closes and shares the results, focus staying on the poll', async () => {
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
    await expect.poll(() => ines.bars(TITLE, 0), POLL).toEqual({ Noodles: 0, Tacos: 1, Salad: 0 });
    expect(sim.problems).toEqual([]);
  });
});

describe('a poll arriving for a participant', () => {
  it('takes focus when nothing in the panel had it, and only announces itself while the participant types', async () => {
    // The host launches from another device (a socket client), so focus stays in Ines's panel.
    const hana = await connectAs(env.server, sim, 'p1');
    try {
      await enterPanel(ines);
      await ines.liveFrame().evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await launch(hana, { title: 'Quick check', questions: [{ kind: 'text', prompt: 'One word for today?', variant: 'short' }] });
      const heading = ines.poll('Quick check').getByRole('heading', { name: 'Quick check' });
      await expect.poll(() => hasFocus(heading), POLL).toBe(true);

      // Ines is typing her answer when the next poll comes: the caret stays where it is.
      const field = ines.poll('Quick check').getByRole('textbox');
      await pressUntil(ines, field);
      await ines.page.keyboard.type('Sun');
      await launch(hana, { title: 'Second check', questions: [{ kind: 'text', prompt: 'And now?', variant: 'short' }] });
      await expect.poll(() => status(ines).textContent(), POLL).toBe('New poll: “Second check”.');
      expect(await hasFocus(field)).toBe(true);
      await ines.page.keyboard.type('ny');
      await expect(field.inputValue()).resolves.toBe('Sunny');
    } finally {
      hana.socket.disconnect();
    }
  });
});

describe('the live region and motion', () => {
  it('announces results politely at a listenable rate, not once per ballot, and the winner on close', async () => {
    const title = 'Coffee or tea';
    await host.launch({ title, question: 'Which one?', options: ['Coffee', 'Tea'] });
    // Record every text the host's live region takes, and every turnout its card shows, from now on.
    await host.liveFrame().evaluate(() => {
      const log = { said: [] as string[], turnouts: [] as string[] };
      Object.assign(globalThis, { quorumLog: log });
      const region = document.querySelector('[data-testid=status-region]');
      if (region) new MutationObserver(() => log.said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => {
        const shown = document.querySelector('[data-testid=poll-card][data-status=open] [data-testid=turnout]')?.getAttribute('data-voted') ?? '';
        if (shown !== log.turnouts.at(-1)) log.turnouts.push(shown);
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-voted'] });
    });
    const log = () => host.liveFrame().evaluate(() => (globalThis as unknown as { quorumLog: { said: string[]; turnouts: string[] } }).quorumLog);
    const said = async () => (await log()).said.filter((m) => m.startsWith(`“${title}”:`));
    const voters = [];
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay']) voters.push(await connectAs(env.server, sim, await sim.addPerson(name)));
    // Six ballots over about three seconds: the bars follow each tally, the live region does not.
    for (const [i, v] of voters.entries()) {
      await voteFrom(v, title, i < 4 ? 'Coffee' : 'Tea');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    voters.forEach((v) => v.socket.disconnect());
    await expect.poll(() => host.counts(title), POLL).toEqual({ Coffee: 4, Tea: 2 });
    await expect.poll(said, { timeout: 8000, interval: 200 }).toContainEqual(`“${title}”: 6 voted. Leading: Coffee with 4 votes (67%).`);
    const { turnouts } = await log();
    const live = await said();
    expect(turnouts.length, `turnouts shown: ${turnouts.join(', ')}`).toBeGreaterThanOrEqual(3);
    // The first tally at once, then one summary when the 5 s interval ends: never one per ballot or per tally.
    expect(live.length, live.join(' | ')).toBeLessThanOrEqual(2);

    await host.close(title);
    await expect.poll(async () => (await log()).said, POLL).toContain(`Poll closed: “${title}”. Winner: Coffee with 4 votes (67%).`);
    expect(await said()).toEqual(live);
  });

  it('stops transitions and animations when the system asks for reduced motion', async () => {
    const fill = host.poll('Coffee or tea').locator('.bar-fill').first();
    const durations = () => fill.evaluate((el) => [getComputedStyle(el).transitionDuration, getComputedStyle(el).animationDuration]);
    await sim.page.emulateMedia({ reducedMotion: 'no-preference' });
    await waitUntil('bars animate by default', async () => (await durations()).some((d) => d.split(',').some((s) => Number.parseFloat(s) > 0)));
    await sim.page.emulateMedia({ reducedMotion: 'reduce' });
    await waitUntil('nothing animates', async () => (await durations()).every((d) => d.split(',').every((s) => Number.parseFloat(s) === 0)));
  });
});
