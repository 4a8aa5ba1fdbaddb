import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { axeFrame, axePage, type Finding } from './support/axe';
import { PANEL_WIDTH, screenshotPanel } from './support/screenshot';
import { connectAs, voteFrom } from './support/socket-client';
import type { PollDraftSpec } from './support/survey-pane';
import { useMeeting } from './support/use-meeting';
import { POLL, waitUntil } from './support/waits';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const RETRO: PollSpec = {
  title: 'Sprint retro',
  question: 'How did this sprint go?',
  options: ['Great', 'Fine', 'Rough'],
};
/** One survey with every question kind, so one ballot and one results card show them all. */
const EVERY_KIND: PollDraftSpec = {
  title: 'Every kind',
  questions: [
    { kind: 'single', prompt: 'Best day for the offsite?', options: ['Monday', 'Friday'] },
    { kind: 'multiple', prompt: 'Which snacks?', options: ['Fruit', 'Nuts', 'Cake'] },
    { kind: 'rating', prompt: 'Rate the venue' },
    { kind: 'rank', prompt: 'Rank the talks', options: ['Alpha', 'Beta', 'Gamma'] },
    { kind: 'text', prompt: 'One word for the team?' },
    { kind: 'text', prompt: 'Anything else?', variant: 'long' },
    { kind: 'number', prompt: 'Hours of meetings a week?', min: 0, max: 40, step: 1, unit: 'h' },
  ],
};
const QUIZ: PollDraftSpec = {
  title: 'Capitals',
  quiz: true,
  questions: [{ kind: 'single', prompt: 'Capital of France?', options: ['Paris', 'Lyon', 'Nice'], correct: ['Paris'] }],
};
const SCHEMES = ['light', 'dark'] as const;

const {
  env,
  sim,
  host,
  voters: [voted, voting],
} = useMeeting(2);
/** The current test's findings, by "view · person · scheme"; a clean sweep leaves it empty. */
let findings: Record<string, Finding[]> = {};
beforeEach(() => {
  findings = {};
});

/** Runs axe on each pane in the light and the dark theme and files what it finds under `view`. */
async function sweep(view: string, panes: AppPane[]): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await sim.page.emulateMedia({ colorScheme });
    for (const pane of panes) {
      await waitUntil(`${pane.personId} is ${colorScheme}`, () =>
        pane.liveFrame().evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme),
      );
      const report = await axeFrame(sim.page, pane.frameName);
      expect(report.checkedInFrame, `axe looked inside ${pane.personId}'s app`).toBeGreaterThan(10);
      if (report.blocking.length > 0) findings[`${view} · ${pane.personId} · ${colorScheme}`] = report.blocking;
    }
  }
}

/** Opens a closed <details> (report, library, invitations…) so its content is swept too. */
async function expand(details: Locator): Promise<void> {
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
}

/** Opens every "more" disclosure (votes per place, word counts) inside a poll's results. */
async function expandResults(pane: AppPane, title: string): Promise<void> {
  const closed = pane.poll(title).locator('details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

// One meeting for the file: a host with a live poll, one participant who has voted and one who has not.
beforeAll(async () => {
  await sweep('before any poll', [host, voting]);
  expect(findings, 'the empty host and participant views').toEqual({});
  await host.launch(RETRO);
  await voted.waitForStatus(RETRO.title, 'open');
  await voted.vote(RETRO.title, 'Great');
  await voting.waitForStatus(RETRO.title, 'open');
  // Paul votes without opening the app, so the results in the screenshots have some spread.
  const paul = await connectAs(env.server, sim, 'p4');
  await voteFrom(paul, RETRO.title, 'Fine');
  paul.socket.disconnect();
  await waitUntil('the host sees both votes', async () => (await host.turnout(RETRO.title)) === '2 of 3 voted');
});

describe('accessibility and the panel layout', () => {
  it(`saves the host and participant views at ${PANEL_WIDTH} px for the README`, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The participant who has not voted yet: a receipt would print the time and change the image on every run.
    for (const [pane, file] of [
      [host, 'host.png'],
      [voting, 'participant.png'],
    ] as const) {
      const { png, contentWidth } = await screenshotPanel(pane, `${SCREENSHOTS}${file}`);
      expect(png.readUInt32BE(16)).toBe(PANEL_WIDTH); // the PNG header's width field
      expect(contentWidth, `${file}: nothing overflows the panel sideways`).toBeLessThanOrEqual(PANEL_WIDTH);
    }
  });

  it('has no axe violations of any impact in the host and participant views of a live poll and present mode, light and dark', async () => {
    // The live poll with invitations and the settings menu open (deliveries too), then the other tabs.
    await host.frame.getByText('Invite participants', { exact: true }).click();
    // A toast on screen too (it stays 5 s: long enough for at least the light sweep of the host).
    await host.frame.getByTestId('invite-all').click();
    await host.frame.getByTestId('toast').first().waitFor();
    const settings = await host.openSettings();
    await expand(settings.locator('details.panel'));
    await sweep('live single choice', [host, voted, voting]);
    await host.page.keyboard.press('Escape');
    for (const tab of ['Library', 'Report'] as const) {
      await host.openTab(tab);
      await sweep(`host ${tab} tab`, [host]);
    }
    await host.openTab('Polls');
    // Present mode: the poll full-size for screen sharing.
    await host.poll(RETRO.title).getByTestId('present-poll').click();
    await host.frame.getByTestId('present-view').waitFor();
    await sweep('present mode', [host]);
    await host.frame.getByTestId('present-exit').click();
    await host.frame.getByTestId('present-view').waitFor({ state: 'detached' });
    expect(findings).toEqual({});
  });

  it('has none in the composer with every question kind, the quiz composer and the ballot of every kind', async () => {
    for (const spec of [EVERY_KIND, QUIZ]) {
      const card = await host.composePoll(spec);
      await card.getByRole('button', { name: 'Edit', exact: true }).click();
      await host.frame.getByTestId('question-editor').first().waitFor();
      // Folded (the chips) and unfolded settings.
      await sweep(`composer: ${spec.title}`, [host]);
      await host.openComposerSettings();
      await sweep(`composer: ${spec.title}, settings open`, [host]);
      await host.frame.getByRole('button', { name: 'Cancel', exact: true }).click();
      await host.poll(spec.title).getByTestId('launch-poll').click();
      await host.waitForStatus(spec.title, 'open');
    }
    await voting.waitForStatus(EVERY_KIND.title, 'open');
    await voting.waitForStatus(QUIZ.title, 'open');
    await voting.dismissToasts();
    await sweep('ballots of every kind and a quiz', [voting]);
    expect(findings).toEqual({});
  });

  it('has none in the live results of every kind, a ballot with a problem, and the live leaderboard', async () => {
    // A survey submitted with a required question left out shows its problems inline.
    await voting.poll(EVERY_KIND.title).getByRole('button', { name: 'Submit vote' }).click();
    await voting.poll(EVERY_KIND.title).getByTestId('question-error').first().waitFor();
    await voted.waitForStatus(EVERY_KIND.title, 'open');
    await voted.answer(EVERY_KIND.title, [
      { pick: 'Friday' },
      { pick: 'Nuts' },
      { pick: '4' },
      { order: ['Gamma', 'Alpha', 'Beta'] },
      { text: 'Brave' },
      { text: 'Thanks for a great quarter' },
      { value: 6 },
    ]);
    await voted.answer(QUIZ.title, [{ pick: 'Paris' }]);
    await expect.poll(() => host.turnout(EVERY_KIND.title), POLL).toMatch(/^1 of/);
    await expect.poll(() => host.poll(QUIZ.title).getByTestId('leaderboard').locator('tbody tr').count(), POLL).toBe(1);
    for (const pane of [host, voted]) await expandResults(pane, EVERY_KIND.title);
    await sweep('live results of every kind', [host, voted, voting]);
    expect(findings).toEqual({});
  });

  it('has none in the per-room results while breakout rooms are open', async () => {
    await sim.page.getByTestId('breakout-count').fill('2');
    await sim.page.getByTestId('breakout-open').click();
    await voting.frame.locator('main.app:not([data-room-id=""])').waitFor();
    await voting.vote(RETRO.title, 'Rough');
    await host.poll(RETRO.title).getByTestId('room-results').first().waitFor();
    await voting.frame.getByTestId('own-room-results').first().waitFor();
    await sweep('breakout rooms', [host, voting]);
    await sim.page.getByTestId('breakout-close').click();
    await voting.frame.locator('main.app[data-room-id=""]').waitFor();
    expect(findings).toEqual({});
  });

  it('has none in closed results, the podium, the library in the main client and the report after the meeting', async () => {
    for (const spec of [EVERY_KIND, QUIZ]) await host.close(spec.title);
    await expect.poll(() => voted.podium(QUIZ.title), POLL).toHaveLength(1);
    for (const pane of [host, voted]) await expandResults(pane, EVERY_KIND.title);
    await sweep('closed results and podium', [host, voted]);

    const library = await sim.openMainClient('p1');
    await library.saveTemplate({ title: 'Saved for later', question: 'Lunch?', options: ['Pizza', 'Salad'] });
    await sweep('library in the main client', [library]);

    await sim.endMeeting();
    await host.waitForMeetingEnded();
    await host.frame.getByTestId('report-run').first().waitFor();
    await sweep('report after the meeting', [host]);
    expect(findings).toEqual({});
    expect(sim.problems).toEqual([]);
  });

  it('has none on the page shown when Quorum is opened outside Zoom', async () => {
    const page = await sim.context.newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByTestId('not-in-zoom').waitFor();
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      expect((await axePage(page)).blocking, colorScheme).toEqual([]);
    }
    await page.close();
  });
});
