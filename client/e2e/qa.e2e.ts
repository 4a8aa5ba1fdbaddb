import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { axeFrame, type Finding } from './support/axe';
import { QaPanel } from './support/qa-panel';
import { PANEL_WIDTH, screenshotPanel, screenshotStage } from './support/screenshot';
import { SurveyPane } from './support/survey-pane';
import { useMeeting } from './support/use-meeting';
import { POLL, waitUntil } from './support/waits';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const LUNCH: PollSpec = { title: 'Team lunch', question: 'Where shall we eat?', options: ['Noodles', 'Tacos'] };
const RELEASE = 'When is the next release?';
const SLIDES = 'Will the slides be shared after the talk?';
const RECORDING = 'Is there a recording?';
const OFF_TOPIC = 'What is for dinner?';

const { sim, host, voters } = useMeeting(2);
let people: QaPanel[] = [];
let hostQa: QaPanel;
let ines: QaPanel;
let paul: QaPanel;
let rosa: QaPanel;

/** Runs axe on each pane in the light and the dark theme; the findings by "view · person · scheme". */
async function sweep(view: string, panes: AppPane[]): Promise<Record<string, Finding[]>> {
  const findings: Record<string, Finding[]> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await sim.page.emulateMedia({ colorScheme });
    for (const pane of panes) {
      const report = await axeFrame(sim.page, pane.frameName);
      expect(report.checkedInFrame, `axe looked inside ${pane.personId}'s app`).toBeGreaterThan(10);
      if (report.blocking.length > 0) findings[`${view} · ${pane.personId} · ${colorScheme}`] = report.blocking;
    }
  }
  await sim.page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

const opacity = (pane: AppPane, testId: string) =>
  pane.frame.getByTestId(testId).evaluate((el) => Number(getComputedStyle(el).opacity));

describe('audience Q&A in the simulator', () => {
  it('runs beside a live poll: the host turns Q&A on with review first, and participants get the switch', async () => {
    const third = new SurveyPane(sim.page, (await sim.openApp('p4')).personId);
    await third.ready('participant');
    await host.launch(LUNCH);
    hostQa = new QaPanel(host);
    await hostQa.open();
    await hostQa.setting('enabled', true);
    await hostQa.setting('reviewFirst', true);
    people = [...voters, third].map((pane) => new QaPanel(pane));
    [ines, paul, rosa] = people as [QaPanel, QaPanel, QaPanel];
    for (const person of people) await person.tab('qa').waitFor();
    // The poll is still there to vote on from the Polls tab.
    await voters[0].vote(LUNCH.title, 'Tacos');
    for (const person of people) await person.open();
    await expect.poll(() => people[0]!.badge('polls'), POLL).toBe(1);
  });

  it('three participants ask: each sees their own waiting for review, nobody sees the others’', async () => {
    await ines.ask(RELEASE);
    await paul.ask(SLIDES, { anonymous: true });
    await rosa.ask(RECORDING);
    await rosa.ask(OFF_TOPIC);
    await expect(ines.myStatus(RELEASE)).resolves.toBe('Your question · Waiting for review');
    await expect(ines.texts()).resolves.toEqual([RELEASE]);
    await expect(ines.pane.frame.getByTestId('qa-ask-visibility').textContent()).resolves.toContain(
      'Named: the host sees that you asked it, by your Zoom name where Zoom gives it',
    );
    await expect.poll(() => hostQa.badge('qa'), POLL).toBe(4);
  });

  it('the host approves three at once and dismisses one by keyboard; the asker sees it dismissed', async () => {
    await hostQa.decide([RELEASE, SLIDES, RECORDING], 'approve');
    // Moderation works from the keyboard too: Dismiss reached by focus, pressed with Enter.
    await hostQa.waiting(OFF_TOPIC).getByTestId('qa-dismiss').focus();
    await host.page.keyboard.press('Enter');
    // Gone from the queue once the server's broadcast says so (the ack alone does not remove it).
    await hostQa.waiting(OFF_TOPIC).waitFor({ state: 'detached' });
    await expect.poll(() => hostQa.badge('qa'), POLL).toBe(null);
    await expect.poll(() => rosa.myStatus(OFF_TOPIC), POLL).toBe('Your question · Dismissed');
    await expect.poll(() => ines.texts(), POLL).toHaveLength(3);
    // Anonymous: the host's list says so and carries no asker.
    await expect(hostQa.question(SLIDES).textContent()).resolves.toContain('Anonymous');
  });

  it('participants upvote (one by keyboard), and Top follows the votes on every panel', async () => {
    await ines.upvote(SLIDES);
    await rosa.upvote(SLIDES);
    const button = paul.question(RECORDING).getByTestId('qa-upvote');
    await button.focus();
    await paul.pane.page.keyboard.press('Space');
    await button.and(paul.pane.frame.locator('[aria-pressed=true]')).waitFor();
    for (const person of [ines, paul, hostQa])
      await expect.poll(() => person.texts(), POLL).toEqual([SLIDES, RECORDING, RELEASE]);
    // Rosa also sees her own dismissed question, marked so.
    await expect.poll(() => rosa.texts(), POLL).toEqual([SLIDES, RECORDING, RELEASE, OFF_TOPIC]);
    await expect.poll(() => hostQa.votes(SLIDES), POLL).toBe(2);
    // Taking an upvote back is a toggle too.
    await rosa.upvote(SLIDES, false);
    await expect.poll(() => ines.votes(SLIDES), POLL).toBe(1);
    await rosa.upvote(SLIDES);
    await expect.poll(() => ines.votes(SLIDES), POLL).toBe(2);
  });

  it('the host answers with a reply and highlights one; participants see both', async () => {
    await hostQa.reply(RELEASE, 'Next Tuesday, with the changelog.');
    await hostQa.act(RELEASE, 'answer');
    await hostQa.act(SLIDES, 'highlight');
    await hostQa.question(SLIDES).getByTestId('qa-highlight').and(host.frame.locator('[aria-pressed=true]')).waitFor();
    await expect.poll(() => ines.myStatus(RELEASE), POLL).toBe('Your question · Answered');
    await expect
      .poll(() => paul.question(RELEASE).getByTestId('qa-reply').textContent(), POLL)
      .toBe('Host’s reply: Next Tuesday, with the changelog.');
    await expect(ines.question(RELEASE).getByTestId('qa-edit').count()).resolves.toBe(0);
    await expect.poll(() => rosa.question(SLIDES).textContent(), POLL).toContain('Highlighted');
  });

  it(`saves the participant's and the host's Q&A at ${PANEL_WIDTH} px, and axe finds nothing in the Q&A views, light and dark`, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [pane, file] of [
      [ines.pane, 'qa.png'],
      [host, 'qa-host.png'],
    ] as const) {
      const { png, contentWidth } = await screenshotPanel(pane, `${SCREENSHOTS}${file}`);
      expect(png.readUInt32BE(16)).toBe(PANEL_WIDTH);
      expect(contentWidth, `${file}: nothing overflows the panel sideways`).toBeLessThanOrEqual(PANEL_WIDTH);
    }
    await host.frame.getByTestId('qa-dismissed').locator('summary').click();
    await hostQa.openSettings();
    expect(await sweep('Q&A', [host, ines.pane, rosa.pane])).toEqual({});
  });

  it('presents the highlighted question large with its votes, no controls until reached, and Esc leaves', async () => {
    await host.frame.getByTestId('present-qa').click();
    const stage = host.frame.getByTestId('qa-present-view');
    await expect(stage.getByTestId('qa-present-text').textContent()).resolves.toBe(SLIDES);
    await expect(stage.getByTestId('qa-present-votes').textContent()).resolves.toBe('2 votes');
    await sim.page.mouse.move(640, 700);
    await waitUntil('the exit button is out of sight', async () => (await opacity(host, 'present-exit')) === 0);
    await screenshotStage(host, `${SCREENSHOTS}qa-present.png`);
    expect(await sweep('Q&A present', [host])).toEqual({});
    await host.frame.getByTestId('present-exit').hover();
    await waitUntil('the exit button shows under the pointer', async () => (await opacity(host, 'present-exit')) === 1);
    // The highlight moves: the stage follows.
    await sim.page.mouse.move(640, 700);
    await host.page.keyboard.press('Tab');
    await waitUntil('the exit button shows with focus', async () => (await opacity(host, 'present-exit')) === 1);
    await host.page.keyboard.press('Escape');
    await stage.waitFor({ state: 'detached' });
    await hostQa.question(SLIDES).waitFor();
  });
});
