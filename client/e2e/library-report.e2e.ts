import { describe, expect, it } from 'vitest';
import type { PollSpec } from './support/app-pane';
import { useEnv } from './support/use-meeting';
import { POLL } from './support/waits';

const RETRO: PollSpec = {
  title: 'Retro mood',
  question: 'How did the sprint go?',
  options: ['Great', 'Fine', 'Rough'],
};

const env = useEnv();

describe('poll library and meeting report', () => {
  it('saves a template in the main client, copies it into the meeting in one click, runs it and reports it', async () => {
    const sim = await env.openSim();
    const host = await sim.pane('p1').ready('host');
    const voters = await Promise.all(['p2', 'p3', 'p4'].map((id) => sim.pane(id).ready('participant')));

    // Before (or beside) the meeting: the host prepares the poll in the Zoom main window; it goes to her account.
    const library = await sim.openMainClient('p1');
    await library.waitForAccount();
    await library.saveTemplate(RETRO);

    // In the meeting: one click copies it in as a draft, then it runs like any poll.
    const draft = await host.addFromLibrary(RETRO.title);
    await host.frame
      .getByTestId('toast')
      .filter({ hasText: `Added “${RETRO.title}” to this meeting as a draft.` })
      .waitFor();
    await draft.launch();
    const choices = ['Great', 'Rough', 'Great'];
    await Promise.all(
      voters.map(async (pane, i) => {
        await pane.waitForStatus(RETRO.title, 'open');
        await pane.vote(RETRO.title, choices[i]!);
      }),
    );
    const final = { Great: 2, Fine: 0, Rough: 1 };
    await expect.poll(() => host.counts(RETRO.title), POLL).toEqual(final);
    await host.close(RETRO.title);

    // The report: the run's results as charts, turnout against attendance, and its downloads.
    const report = await host.openReport();
    const run = report.run(RETRO.title, 1);
    await expect.poll(() => run.counts(), POLL).toEqual(final);
    const attendance = await report.attendance();
    expect(attendance).toBeGreaterThanOrEqual(3);
    await expect(run.turnout()).resolves.toBe(`3 of ${attendance} voted`);
    for (const format of ['CSV', 'Summary CSV', 'JSON'])
      await expect(run.downloadLink(format).count()).resolves.toBe(1);
    expect((await run.download('JSON')).suggestedFilename()).toBe('Retro-mood-run-1.json');
    await host.frame
      .getByTestId('toast')
      .filter({ hasText: `Downloading the JSON of “${RETRO.title}”.` })
      .waitFor();

    // When the meeting ends, the host's "meeting ended" page shows the same report.
    await sim.endMeeting();
    const ended = await host.waitForMeetingEnded();
    await expect.poll(() => ended.run(RETRO.title, 1).counts(), POLL).toEqual(final);
    expect(sim.problems).toEqual([]);
  });
});
