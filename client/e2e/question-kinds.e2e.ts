import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { axeFrame } from './support/axe';
import { screenshotPart } from './support/screenshot';
import type { PollDraftSpec, SurveyPane } from './support/survey-pane';
import { useMeeting } from './support/use-meeting';
import { POLL } from './support/waits';

const PULSE: PollDraftSpec = {
  title: 'Team pulse',
  questions: [
    { kind: 'rank', prompt: 'Rank the talks', options: ['Alpha', 'Beta', 'Gamma'] },
    { kind: 'text', prompt: 'One thing to change?', required: false },
    { kind: 'number', prompt: 'Hours of meetings a week?', min: 0, max: 40, step: 1, unit: 'h' },
  ],
};
const QUIZ: PollDraftSpec = {
  title: 'Capitals',
  quiz: true,
  closeAfterSec: 300,
  questions: [{ kind: 'single', prompt: 'Capital of France?', options: ['Paris', 'Lyon', 'Nice'], correct: ['Paris'] }],
};

/** The README's pictures of each question kind, retaken on every run so they show the app as it is. */
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

// One meeting for the file: the host and two participants with the app open (fewer frames, faster).
const { sim, host, voters } = useMeeting(2);

/** Serious or critical axe findings in each pane's app, by person. */
async function axeFindings(panes: SurveyPane[]) {
  const found: Record<string, unknown[]> = {};
  for (const pane of panes) found[pane.personId] = (await axeFrame(sim.page, pane.frameName)).blocking;
  return found;
}

describe('question kinds in the simulator', () => {
  it('runs a survey answered with one submit each, per-question results, and hides an answer for everyone', async () => {
    await host.launchPoll(PULSE);
    const [ines, omar] = voters;
    await ines.waitForStatus(PULSE.title, 'open');
    await screenshotPart(ines, ines.poll(PULSE.title).locator('form.ballot'), `${SCREENSHOTS}kind-survey.png`);
    // One after the other: the simulator's panes share one browser page and so one keyboard focus, and
    // two people typing at once had their keystrokes land in each other's frames (a field came back short).
    await ines.answer(PULSE.title, [{ order: ['Gamma', 'Alpha', 'Beta'] }, { text: 'Shorter standups' }, { value: 6 }]);
    await omar.waitForStatus(PULSE.title, 'open');
    await omar.answer(PULSE.title, [
      { order: ['Gamma', 'Beta', 'Alpha'] },
      { text: 'More coffee please' },
      { value: 4 },
    ]);
    // Paul is in the meeting without the app open: he counts as a possible voter.
    await expect.poll(() => host.turnout(PULSE.title), POLL).toBe('2 of 3 voted');

    // Borda: Gamma first twice (2 + 2), Alpha and Beta one second place each.
    await expect.poll(() => host.bars(PULSE.title, 0), POLL).toEqual({ Gamma: 4, Alpha: 1, Beta: 1 });
    await expect.poll(() => host.textAnswers(PULSE.title, 1), POLL).toHaveLength(2);
    await expect(host.results(PULSE.title, 2).getByTestId('number-stats').textContent()).resolves.toBe(
      'Median 5 h · Mean 5 h · 2 votes',
    );
    for (const [index, kind] of [
      [0, 'rank'],
      [1, 'text'],
      [2, 'number'],
    ] as const) {
      await screenshotPart(host, host.results(PULSE.title, index), `${SCREENSHOTS}kind-${kind}.png`);
    }

    await host.hideAnswer(PULSE.title, 1, 'More coffee please');
    for (const pane of [host, ines, omar]) {
      await expect.poll(() => pane.textAnswers(PULSE.title, 1), POLL).toEqual(['Shorter standups']);
      await expect
        .poll(
          () =>
            pane
              .results(PULSE.title, 1)
              .getByText(/1 hidden by a host/)
              .count(),
          POLL,
        )
        .toBe(1);
    }
    // The new results views (Borda bars, places table, word cloud, histogram) pass axe as well.
    await host.results(PULSE.title, 0).getByText('Votes per place').click();
    expect(await axeFindings([host, ines])).toEqual({ p1: [], p2: [] });
    expect(sim.problems).toEqual([]);
  });

  it('scores a quiz, counts down on the server clock, and shows the podium after the close', async () => {
    await host.launchPoll(QUIZ);
    await expect(host.poll(QUIZ.title).getByTestId('countdown').textContent()).resolves.toMatch(
      /^Closes in [45]:\d\d$/,
    );
    await host.poll(QUIZ.title).getByTestId('stop-timer').click();
    await expect.poll(() => host.poll(QUIZ.title).getByTestId('countdown').count(), POLL).toBe(0);

    const [ines, omar] = voters;
    await ines.waitForStatus(QUIZ.title, 'open');
    await ines.answer(QUIZ.title, [{ pick: 'Paris' }]);
    await omar.waitForStatus(QUIZ.title, 'open');
    await omar.answer(QUIZ.title, [{ pick: 'Lyon' }]);
    await expect.poll(() => host.poll(QUIZ.title).getByTestId('leaderboard').locator('tbody tr').count(), POLL).toBe(2);

    await host.close(QUIZ.title);
    for (const pane of [host, ines, omar]) {
      await expect.poll(() => pane.podium(QUIZ.title), POLL).toHaveLength(2);
      const [first, second] = await pane.podium(QUIZ.title);
      expect(first).toMatch(/1st .+ · \d{3,4} points$/);
      expect(second).toMatch(/2nd .+ · 0 points$/);
      if (pane === host) await screenshotPart(host, host.poll(QUIZ.title), `${SCREENSHOTS}kind-quiz.png`);
      await expect(
        pane.poll(QUIZ.title).locator('[data-correct=true]').getAttribute('data-option-id'),
      ).resolves.toBeTruthy();
    }
    await expect(ines.poll(QUIZ.title).getByTestId('my-score').textContent()).resolves.toMatch(
      /place 1 of 2, 1 correct/,
    );
    expect(await axeFindings([host, omar])).toEqual({ p1: [], p3: [] });
    expect(sim.problems).toEqual([]);
  });
});
