import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { PANEL_WIDTH, screenshotStage, STAGE_SIZE } from './support/screenshot';
import { connectAs, voteFrom } from './support/socket-client';
import { useMeeting } from './support/use-meeting';
import { POLL, waitUntil } from './support/waits';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const LUNCH: PollSpec = {
  title: 'Team lunch',
  question: 'Where shall we eat on Friday?',
  options: ['Noodle bar', 'Pizzeria', 'Taqueria'],
};

const { env, sim, host } = useMeeting(0);
let voter: AppPane;

/** Votes per option label inside `scope` (a card or the stage). */
const countsIn = (scope: Locator) =>
  scope
    .getByTestId('result-bar')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [r.querySelector('.bar-label')?.textContent ?? '', Number((r as HTMLElement).dataset.count)]),
      ),
    );
/** A computed style of the first element matching `selector` in the pane's app. */
const styleOf = (pane: AppPane, selector: string, property: string) =>
  pane.frame
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
const presentParam = (pane: AppPane) =>
  pane.liveFrame().evaluate(() => new URLSearchParams(location.search).get('present'));
/** Whether the app's document is fullscreen (the simulator frames it same-origin, so the Fullscreen API works). */
const fullscreen = (pane: AppPane) => pane.liveFrame().evaluate(() => document.fullscreenElement !== null);
const expanded = (pane: AppPane) => pane.pane.evaluate((el) => el.classList.contains('pane-expanded'));

describe('designed states, present mode and themes', () => {
  it('shows designed empty states: a call to action for the host, "waiting for the host" for a participant', async () => {
    const empty = host.frame.getByTestId('empty-polls');
    await expect(empty.getByRole('heading').textContent()).resolves.toBe('No polls yet');
    await expect(empty.getByRole('button', { name: 'Create a poll' }).isVisible()).resolves.toBe(true);
    voter = await (await sim.openApp('p2')).ready('participant');
    await expect(voter.frame.getByTestId('empty-polls').getByRole('heading').textContent()).resolves.toBe(
      'Waiting for the host',
    );

    await empty.getByRole('button', { name: 'Create a poll' }).click();
    await host.frame.getByLabel('Title (optional)', { exact: true }).waitFor();
    await host.frame.getByRole('button', { name: 'Cancel' }).click();
  });

  it('presents a live poll to the host: bars follow the votes, the Zoom panel expands, Esc leaves', async () => {
    await host.launch(LUNCH);
    await voter.waitForStatus(LUNCH.title, 'open');
    await voter.vote(LUNCH.title, 'Pizzeria');
    await host.poll(LUNCH.title).getByTestId('present-poll').click();
    const stage = host.frame.getByTestId('present-view');
    await expect(stage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(LUNCH.title);
    // Only the question and its results: the panel's tools are gone.
    await expect(
      host.frame.locator('main.app, [data-testid=close-poll], [data-testid=compose-poll]').count(),
    ).resolves.toBe(0);
    // "Launched …" is still in the toast stack, but not over what the audience sees.
    await expect(host.frame.getByTestId('toast').count()).resolves.toBeGreaterThan(0);
    await expect(host.frame.getByTestId('toasts').isVisible()).resolves.toBe(false);
    expect(await presentParam(host)).toBe(
      await host
        .liveFrame()
        .evaluate(() => document.querySelector<HTMLElement>('[data-testid=present-view]')?.dataset.pollId),
    );
    await waitUntil('the simulator expanded the panel (expandApp)', () => expanded(host));
    await waitUntil('the app went fullscreen', () => fullscreen(host));

    // The expanded panel covers the simulator's other panes: the next votes come from people without the app open.
    await expect.poll(() => countsIn(stage), POLL).toEqual({ 'Noodle bar': 0, Pizzeria: 1, Taqueria: 0 });
    const paul = await connectAs(env.server, sim, 'p4');
    await voteFrom(paul, LUNCH.title, 'Taqueria');
    await expect.poll(() => countsIn(stage), POLL).toEqual({ 'Noodle bar': 0, Pizzeria: 1, Taqueria: 1 });
    const omar = await connectAs(env.server, sim, 'p3');
    await voteFrom(omar, LUNCH.title, 'Pizzeria');
    await expect.poll(() => countsIn(stage), POLL).toEqual({ 'Noodle bar': 0, Pizzeria: 2, Taqueria: 1 });
    [paul, omar].forEach((c) => c.socket.disconnect());
    // While live the leader is marked quietly; nobody is called the winner yet.
    await expect(stage.locator('[data-highlight=leader] .bar-label').textContent()).resolves.toBe('Pizzeria');
    await expect(stage.locator('.winner-mark').count()).resolves.toBe(0);

    await stage.getByRole('heading', { level: 1 }).press('Escape');
    await host.frame.locator('main.app').waitFor();
    await expect(stage.count()).resolves.toBe(0);
    expect(await presentParam(host)).toBeNull();
    await waitUntil('the panel collapsed again', async () => !(await expanded(host)));
    expect(await fullscreen(host)).toBe(false);
    // Focus returns to the button that opened the presentation.
    await expect(
      host
        .poll(LUNCH.title)
        .getByTestId('present-poll')
        .evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
  });

  it('names the winner once closed and saves present mode in light and dark', async () => {
    await host.close(LUNCH.title);
    await host.poll(LUNCH.title).getByTestId('present-poll').click();
    const stage = host.frame.getByTestId('present-view');
    await expect(stage.locator('[data-highlight=winner]').count()).resolves.toBe(1);
    await expect(stage.locator('[data-highlight=winner] .bar-label').textContent()).resolves.toBe('Pizzeria');
    await expect(stage.locator('[data-highlight=winner] .winner-mark').textContent()).resolves.toBe('Winner');

    mkdirSync(SCREENSHOTS, { recursive: true });
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        await sim.page.emulateMedia({ colorScheme });
        await waitUntil(`the app is ${colorScheme}`, () =>
          host.liveFrame().evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, colorScheme),
        );
        const png = await screenshotStage(host, `${SCREENSHOTS}present-${colorScheme}.png`);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([STAGE_SIZE.width, STAGE_SIZE.height]);
      }
    } finally {
      // Leave the stage whatever happened, so the simulator's panes are usable for the next tests.
      await sim.page.emulateMedia({ colorScheme: 'light' });
      await stage.getByTestId('present-exit').click();
      await host.frame.locator('main.app').waitFor();
    }
    await waitUntil('the app left fullscreen', async () => !(await fullscreen(host)));
  });

  it('draws with the dark tokens when the system is dark', async () => {
    const themes = [
      ['dark', 'rgb(26, 26, 30)', 'rgb(236, 236, 241)', 'rgb(36, 36, 41)'],
      ['light', 'rgb(255, 255, 255)', 'rgb(35, 35, 51)', 'rgb(247, 247, 250)'],
    ] as const;
    for (const [colorScheme, bg, text, card] of themes) {
      await sim.page.emulateMedia({ colorScheme });
      await waitUntil(
        `the body turns ${colorScheme}`,
        async () => (await styleOf(voter, 'body', 'background-color')) === bg,
      );
      expect(await styleOf(voter, 'body', 'color')).toBe(text);
      expect(await styleOf(voter, '[data-testid=poll-card]', 'background-color')).toBe(card);
    }
  });

  it('stops bar transitions when the system asks for reduced motion', async () => {
    const bar = '[data-testid=poll-card] .bar-fill';
    await sim.page.emulateMedia({ reducedMotion: 'no-preference' });
    await waitUntil(
      'bars glide by default',
      async () => Number.parseFloat(await styleOf(voter, bar, 'transition-duration')) > 0,
    );
    await sim.page.emulateMedia({ reducedMotion: 'reduce' });
    await waitUntil('bars jump', async () =>
      (await styleOf(voter, bar, 'transition-duration')).split(',').every((d) => d.trim() === '0s'),
    );
    await sim.page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it("puts the ballot beside the results in Zoom's popout window and stacks them in the side panel", async () => {
    const place = (width: number) =>
      voter.iframe.evaluate(
        (el, w) => el.setAttribute('style', `position:fixed;left:0;top:0;z-index:10;width:${w}px;height:800px`),
        width,
      );
    await host.launch({ title: 'Coffee', question: 'Coffee or tea?', options: ['Coffee', 'Tea'] });
    await voter.waitForStatus('Coffee', 'open');
    const card = voter.poll('Coffee');
    const boxes = async () => {
      const [ballot, results] = await Promise.all([
        card.locator('form.ballot').boundingBox(),
        card.locator('.poll-results').boundingBox(),
      ]);
      if (!ballot || !results) throw new Error('the ballot or the results are not on screen');
      return { ballot, results };
    };
    try {
      // Zoom's popout window, at the size the app asked for in config (960 × 640), through the simulator.
      await voter.pane.getByTestId('pane-popout').click();
      await voter.liveFrame().waitForFunction(() => window.innerWidth === 960 && window.innerHeight === 640);
      await waitUntil('results sit beside the ballot', async () => {
        const { ballot, results } = await boxes();
        return results.x >= ballot.x + ballot.width && Math.abs(results.y - ballot.y) < 4;
      });
      await voter.pane.getByTestId('pane-popout').click();
      for (const width of [PANEL_WIDTH, 320, 400]) {
        await place(width);
        await voter.liveFrame().waitForFunction((w) => window.innerWidth === w, width);
        const { ballot, results } = await boxes();
        expect(results.y, `${width} px: results under the ballot`).toBeGreaterThanOrEqual(ballot.y + ballot.height);
        expect(
          await voter.liveFrame().evaluate(() => document.documentElement.scrollWidth),
          `${width} px: no sideways scrolling`,
        ).toBeLessThanOrEqual(width);
      }
    } finally {
      await voter.iframe.evaluate((el) => el.setAttribute('style', ''));
    }
  });

  it('shows a reconnecting banner with the votes waiting to be sent, and clears it after reconnecting', async () => {
    await waitUntil('the socket is upgraded', () => sim.net.upgraded(voter.frameName));
    await sim.net.set(voter.frameName, 'down');
    const banner = voter.frame.getByTestId('connection-banner');
    await expect(banner.getAttribute('data-status')).resolves.toBe('connecting');
    await expect(banner.getAttribute('data-pending')).resolves.toBe('0');

    await voter.submitVote('Coffee', 'Tea');
    await expect.poll(() => banner.getAttribute('data-pending'), POLL).toBe('1');
    await expect(banner.textContent()).resolves.toContain('1 vote waiting to be sent');

    await sim.net.set(voter.frameName, 'up');
    await banner.waitFor({ state: 'detached' });
    await voter.poll('Coffee').getByTestId('vote-receipt').waitFor();
    await expect.poll(() => host.counts('Coffee'), POLL).toEqual({ Coffee: 0, Tea: 1 });
    expect(sim.problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
  });
});
