import { describe, expect, it } from 'vitest';
import type { PollSpec } from './support/app-pane';
import { useEnv } from './support/use-meeting';
import { POLL } from './support/waits';

const RETRO: PollSpec = { title: 'Retro mood', question: 'How did the sprint go?', options: ['Great', 'Fine', 'Rough'] };

const env = useEnv();

describe('poll library and meeting report', () => {
  it('saves a template in the main client, copies it into the meeting in one click, runs it and reports it', async () => {
    const sim = await env.openSim();
    const host = await sim.pane('p1').ready('host');
    const voters = await Promise.all(['p2', 'p3', 'p4'].map((id) => sim.pane(id).ready('participant')));

    // Before (or beside) the meeting: the host prepares the poll in the Zoom main window; it goes to her account.
    const library = await sim.openMainClient('p1');
    await library.libraryStatus().and(library.frame.locator('[data-mode=account]')).waitFor();
    await library.saveTemplate(RETRO);

    // In the meeting: one click copies it in as a draft, then it runs like any poll.
    const card = await host.addFromLibrary(RETRO.title);
    await card.getByTestId('launch-poll').click();
    await host.waitForStatus(RETRO.title, 'open');
    const choices = ['Great', 'Rough', 'Great'];
    await Promise.all(voters.map(async (pane, i) => {
      await pane.waitForStatus(RETRO.title, 'open');
      await pane.vote(RETRO.title, choices[i]!);
    }));
    const final = { Great: 2, Fine: 0, Rough: 1 };
    await expect.poll(() => host.counts(RETRO.title), POLL).toEqual(final);
    await host.close(RETRO.title);

    // The report: the run's results as charts, turnout against attendance, and its downloads.
    const report = await host.openReport();
    await expect.poll(() => host.reportCounts(RETRO.title, 1), POLL).toEqual(final);
    const run = host.reportRun(RETRO.title, 1);
    const attendance = Number(await report.getByTestId('attendance').getAttribute('data-count'));
    expect(attendance).toBeGreaterThanOrEqual(3);
    await expect(run.getByTestId('turnout').textContent()).resolves.toBe(`3 of ${attendance} voted`);
    for (const label of ['CSV', 'Summary CSV', 'JSON']) {
      await expect(run.getByRole('link', { name: `Download ${label} of ${RETRO.title}, run 1` }).count()).resolves.toBe(1);
    }
    const download = host.page.waitForEvent('download');
    await run.getByRole('link', { name: `Download JSON of ${RETRO.title}, run 1` }).click();
    expect((await download).suggestedFilename()).toBe('Retro-mood-run-1.json');

    // When the meeting ends, the host's "meeting ended" page shows the same report.
    await sim.page.getByTestId('end-meeting').click();
    await host.frame.getByRole('heading', { name: 'The meeting has ended' }).waitFor();
    await expect.poll(() => host.reportCounts(RETRO.title, 1), POLL).toEqual(final);
    expect(sim.problems).toEqual([]);
  });
});
