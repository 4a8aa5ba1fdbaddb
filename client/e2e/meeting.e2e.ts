import { describe, expect, it } from 'vitest';
import type { PollSpec } from './support/app-pane';
import { useEnv } from './support/use-meeting';
import { POLL } from './support/waits';

const LUNCH: PollSpec = {
  title: 'Team lunch',
  question: 'Where shall we eat?',
  options: ['Noodles', 'Tacos', 'Salad'],
};
const FINAL = { Noodles: 1, Tacos: 2, Salad: 0 };

const env = useEnv();

describe('a meeting in the simulator', () => {
  it('runs a poll from launch to close, and a late joiner sees the closed result', async () => {
    const sim = await env.openSim();
    const host = await sim.pane('p1').ready('host');
    const voters = await Promise.all(['p2', 'p3', 'p4'].map((id) => sim.pane(id).ready('participant')));

    await host.launch(LUNCH);
    const choices = ['Tacos', 'Noodles', 'Tacos'];
    await Promise.all(
      voters.map(async (pane, i) => {
        await pane.waitForStatus(LUNCH.title, 'open');
        await pane.vote(LUNCH.title, choices[i]!);
      }),
    );

    for (const pane of [host, ...voters]) await expect.poll(() => pane.counts(LUNCH.title), POLL).toEqual(FINAL);
    await expect.poll(() => host.turnout(LUNCH.title), POLL).toBe('3 of 3 voted');

    await host.close(LUNCH.title);
    for (const pane of voters) {
      await pane.waitForStatus(LUNCH.title, 'closed');
      await expect(pane.poll(LUNCH.title).getByRole('button', { name: 'Submit vote' }).count()).resolves.toBe(0);
    }

    // Loaded as Zoom loads the Home URL (with x-zoom-app-context), the page carries its session: no POST /api/session.
    const sessionPosts: string[] = [];
    const onRequest = (r: { url(): string; method(): string }) =>
      r.method() === 'POST' && new URL(r.url()).pathname === '/api/session' && sessionPosts.push(r.url());
    sim.page.on('request', onRequest);
    const lateId = await sim.addPerson('Zoe', 'Participant');
    const late = await (await sim.openApp(lateId)).ready('participant');
    sim.page.off('request', onRequest);
    expect(sessionPosts).toEqual([]);
    await late.waitForStatus(LUNCH.title, 'closed');
    // Closed before Zoe opened the app: one line with the winner, the bars on demand.
    await expect(late.pollLine(LUNCH.title).textContent()).resolves.toBe('3 voted. Winner: Tacos with 2 votes (67%).');
    await late.expand(LUNCH.title);
    await expect.poll(() => late.counts(LUNCH.title), POLL).toEqual(FINAL);
    // Nothing to vote with after the close, and no receipt for a vote never cast.
    await expect(late.poll(LUNCH.title).getByRole('radio').count()).resolves.toBe(0);
    await expect(late.poll(LUNCH.title).getByTestId('vote-receipt').count()).resolves.toBe(0);
    // The host's count of possible voters follows the people in the meeting.
    await expect.poll(() => host.turnout(LUNCH.title), POLL).toBe('3 of 4 voted');

    expect(sim.problems).toEqual([]);
  });

  it('invites people who have not opened the app or not voted, and the invitation lands them in the poll', async () => {
    const sim = await env.openSim({ open: 'host' });
    const host = await sim.pane('p1').ready('host');
    await host.launch(LUNCH);
    await expect(sim.paneOf('p2').getAttribute('data-state')).resolves.toBe('not-opened');

    const invitePanel = await host.openInvitePanel();
    await invitePanel.invite(['Ines']);
    await expect.poll(() => sim.invitations('p2').count(), POLL).toBe(1);
    // Chosen people get an invitation that names the open poll (sendAppInvitation's messageText).
    await expect(sim.invitations('p2').getByTestId('invitation-message').textContent()).resolves.toBe(
      `Please vote in “${LUNCH.title}” — open Quorum to answer.`,
    );
    expect(await sim.invitations('p3').count()).toBe(0);

    await invitePanel.inviteAll();
    for (const id of ['p3', 'p4']) await expect.poll(() => sim.invitations(id).count(), POLL).toBe(1);
    await expect.poll(() => sim.invitations('p2').count(), POLL).toBe(2);

    const omar = await sim.acceptInvitation('p3');
    await expect(omar.pane.getAttribute('data-state')).resolves.toBe('open');
    await expect(sim.invitations('p3').count()).resolves.toBe(0);
    await omar.waitForStatus(LUNCH.title, 'open');
    await omar.vote(LUNCH.title, 'Salad');
    await expect.poll(() => host.counts(LUNCH.title), POLL).toEqual({ Noodles: 0, Tacos: 0, Salad: 1 });

    // Once Omar has voted, the picker offers only those who have not.
    await expect.poll(() => invitePanel.notVoted().count(), POLL).toBe(2);
    await expect(invitePanel.notVoted('Omar').count()).resolves.toBe(0);
    await expect(invitePanel.notVoted('Ines').count()).resolves.toBe(1);
  });

  it('explains itself when the Home URL is opened in a plain browser tab', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    const started = Date.now();
    await page.goto(`${env.server.url}/`);
    await page.getByTestId('not-in-zoom').waitFor({ timeout: 6000 });
    expect(Date.now() - started).toBeLessThan(6000);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Open Quorum from Zoom');
    await expect(page.getByRole('link', { name: `${env.server.url}/sim` }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
