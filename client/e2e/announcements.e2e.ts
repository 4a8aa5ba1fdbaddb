import { describe, expect, it } from 'vitest';
import { choicePoll, launch } from '../../server/test/support/harness';
import { enterPanel, hasFocus, pressUntil, statusRegion as status } from './support/keyboard';
import { connectAs, voteFrom } from './support/socket-client';
import { useMeeting } from './support/use-meeting';
import { POLL, waitUntil } from './support/waits';

// One meeting: the host and Ines with the app open.
const {
  env,
  sim,
  host,
  voters: [ines],
} = useMeeting(1);

describe('a poll arriving for a participant', () => {
  it('takes focus when nothing in the panel had it, and only announces itself while the participant types', async () => {
    // The host launches from another device (a socket client), so focus stays in Ines's panel.
    const hana = await connectAs(env.server, sim, 'p1');
    try {
      await enterPanel(ines);
      await ines.liveFrame().evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await launch(hana, {
        title: 'Quick check',
        questions: [{ kind: 'text', prompt: 'One word for today?', variant: 'short' }],
      });
      const heading = ines.poll('Quick check').getByRole('heading', { name: 'Quick check' });
      await expect.poll(() => hasFocus(heading), POLL).toBe(true);

      // Ines is typing her answer when the next poll comes: the caret stays where it is.
      const field = ines.poll('Quick check').getByRole('textbox');
      await pressUntil(ines, field);
      await ines.page.keyboard.type('Sun');
      await launch(hana, {
        title: 'Second check',
        questions: [{ kind: 'text', prompt: 'And now?', variant: 'short' }],
      });
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
      if (region)
        new MutationObserver(() => log.said.push(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      new MutationObserver(() => {
        const shown =
          document
            .querySelector('[data-testid=poll-card][data-status=open] [data-testid=turnout]')
            ?.getAttribute('data-voted') ?? '';
        if (shown !== log.turnouts.at(-1)) log.turnouts.push(shown);
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-voted'] });
    });
    const log = () =>
      host
        .liveFrame()
        .evaluate(() => (globalThis as unknown as { quorumLog: { said: string[]; turnouts: string[] } }).quorumLog);
    const said = async () => (await log()).said.filter((m) => m.startsWith(`“${title}”:`));
    const voters = [];
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay'])
      voters.push(await connectAs(env.server, sim, await sim.addPerson(name)));
    // Six ballots over about three seconds: the bars follow each tally, the live region does not.
    for (const [i, v] of voters.entries()) {
      await voteFrom(v, title, i < 4 ? 'Coffee' : 'Tea');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    voters.forEach((v) => v.socket.disconnect());
    await expect.poll(() => host.counts(title), POLL).toEqual({ Coffee: 4, Tea: 2 });
    await expect
      .poll(said, { timeout: 8000, interval: 200 })
      .toContainEqual(`“${title}”: 6 voted. Leading: Coffee with 4 votes (67%).`);
    const { turnouts } = await log();
    const live = await said();
    expect(turnouts.length, `turnouts shown: ${turnouts.join(', ')}`).toBeGreaterThanOrEqual(3);
    // The first tally at once, then one summary when the 5 s interval ends: never one per ballot or per tally.
    expect(live.length, live.join(' | ')).toBeLessThanOrEqual(2);

    await host.close(title);
    await expect
      .poll(async () => (await log()).said, POLL)
      .toContain(`Poll closed: “${title}”. Winner: Coffee with 4 votes (67%).`);
    expect(await said()).toEqual(live);
  });

  it('stops transitions and animations when the system asks for reduced motion', async () => {
    const fill = host.poll('Coffee or tea').locator('.bar-fill').first();
    const durations = () =>
      fill.evaluate((el) => [getComputedStyle(el).transitionDuration, getComputedStyle(el).animationDuration]);
    await sim.page.emulateMedia({ reducedMotion: 'no-preference' });
    await waitUntil('bars animate by default', async () =>
      (await durations()).some((d) => d.split(',').some((s) => Number.parseFloat(s) > 0)),
    );
    await sim.page.emulateMedia({ reducedMotion: 'reduce' });
    await waitUntil('nothing animates', async () =>
      (await durations()).every((d) => d.split(',').every((s) => Number.parseFloat(s) === 0)),
    );
  });
});

describe('feedback a person can see', () => {
  it('confirms Launch, Share and Unshare in toasts, marks the shared poll, and Unshare hides the results again', async () => {
    const title = 'Secret ballot';
    const toast = (text: string) => host.frame.getByTestId('toast').filter({ hasText: text });
    await host.launch({ title, question: 'Which one?', options: ['Red', 'Blue'] });
    await toast(`Launched “${title}”.`).waitFor();
    await host.frame.getByRole('button', { name: 'Close notification' }).first().click();
    await expect.poll(() => toast(`Launched “${title}”.`).count(), POLL).toBe(0);

    // A host-only poll, launched from another device: Ines sees turnout only until it is shared.
    const hana = await connectAs(env.server, sim, 'p1');
    try {
      const hidden = 'Hidden results';
      await launch(hana, choicePoll({ resultsVisibility: 'host_only' }, hidden));
      await ines.waitForStatus(hidden, 'open');
      await ines.dismissToasts();
      await ines.vote(hidden, 'Tacos');
      const card = host.poll(hidden);
      await card.getByTestId('share-results').click();
      await toast(`Results of “${hidden}” shared.`).waitFor();
      await card.getByTestId('shared-badge').waitFor();
      await ines.poll(hidden).getByTestId('result-bar').first().waitFor();

      await card.getByTestId('unshare-results').click();
      await toast(`Results of “${hidden}” no longer shared.`).waitFor();
      await card.getByTestId('shared-badge').waitFor({ state: 'detached' });
      await ines.poll(hidden).getByTestId('result-bar').first().waitFor({ state: 'detached' });
      await card.getByTestId('share-results').waitFor();
      expect(sim.problems).toEqual([]);
    } finally {
      hana.socket.disconnect();
    }
  });
});
