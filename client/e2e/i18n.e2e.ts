import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, PollDraftInput } from '@quorum/shared';
import { createDraft, submit } from '../../server/test/support/requests';
import { intlFor, LOCALES, type Locale, type MessageId } from '../src/i18n';
import type { AppPane } from './support/app-pane';
import { startEnv, type E2eEnv } from './support/env';
import { englishTells, inspect, narrow, type ViewProblems } from './support/i18n-check';
import type { SimPage } from './support/sim-page';
import { connectAs } from './support/socket-client';
import { POLL } from './support/waits';

// The browser language each run opens the simulator with: the app must follow it with nothing else set.
const BROWSER_LANGUAGE: Record<Locale, string> = { en: 'en-US', es: 'es-ES', de: 'de-DE', ja: 'ja-JP' };
const KINDS = ['single', 'multiple', 'rating', 'rank', 'text', 'number'] as const;
const ABC = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
  { id: 'c', label: 'Gamma' },
];
// Every kind in one survey, each optional so a participant can send one answer from the UI.
const SURVEY: PollDraftInput = {
  title: 'Pulse 7',
  settings: { resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: 600 },
  questions: [
    { id: 'q1', kind: 'single', prompt: 'Alpha?', options: ABC, required: false },
    { id: 'q2', kind: 'multiple', prompt: 'Beta?', options: ABC, minPicks: 0, maxPicks: 2, required: false },
    { id: 'q3', kind: 'rating', prompt: 'Gamma?', min: 1, max: 5, minLabel: '-', maxLabel: '+', required: false },
    { id: 'q4', kind: 'rank', prompt: 'Delta?', options: ABC, required: false },
    { id: 'q5', kind: 'text', prompt: 'Epsilon?', variant: 'short', required: false },
    { id: 'q6', kind: 'number', prompt: 'Zeta?', min: 0, max: 5000, step: 5, unit: 'km', required: false },
  ],
};
const QUIZ: PollDraftInput = {
  title: 'Quiz 7',
  settings: { quiz: { points: 500, speedBonus: 500, speedWindowSec: null } },
  questions: [{ id: 'q1', kind: 'single', prompt: 'Omega?', options: ABC, correctOptionIds: ['a'] }],
};
const ANSWERS: { questionId: string; answer: Answer }[] = [
  { questionId: 'q1', answer: { kind: 'single', optionId: 'a' } },
  { questionId: 'q2', answer: { kind: 'multiple', optionIds: ['a', 'b'] } },
  { questionId: 'q3', answer: { kind: 'rating', value: 4 } },
  { questionId: 'q4', answer: { kind: 'rank', optionIds: ['c', 'a', 'b'] } },
  { questionId: 'q5', answer: { kind: 'text', text: 'alpha beta gamma' } },
  { questionId: 'q6', answer: { kind: 'number', value: 1250 } },
];

let env: E2eEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.close());

/** One language's walk: records what each view got wrong, keyed by view. */
function recorder(locale: Locale) {
  const tells = englishTells(locale);
  const found: Record<string, ViewProblems> = {};
  return {
    found,
    async look(view: string, frame: Frame) {
      const seen = await inspect(frame, tells);
      if (seen.i18nErrors > 0 || seen.english.length > 0 || seen.overflow.length > 0) found[view] = seen;
    },
  };
}

/** Opens every closed disclosure in the frame (run history, word counts, report, invitations…). */
async function expandAll(pane: AppPane) {
  for (let closed = pane.frame.locator('details:not([open]) > summary'); (await closed.count()) > 0; ) await closed.first().click();
}

async function ready(pane: AppPane, role: 'host' | 'participant') {
  await pane.ready(role);
  await narrow(pane.iframe, pane.liveFrame());
  return pane;
}

describe.each(LOCALES)('the app in %s at 320 px', (locale) => {
  let sim: SimPage;
  const t = (id: MessageId, values?: Record<string, string | number>) => intlFor(locale).formatMessage({ id }, values);
  afterAll(() => sim?.close());

  it('follows the browser language, and every view is translated and fits the panel', async () => {
    sim = await env.openSim({ open: 'host', locale: BROWSER_LANGUAGE[locale] });
    const { found, look } = recorder(locale);
    const host = await ready(sim.pane('p1'), 'host');
    expect(await host.liveFrame().evaluate(() => document.documentElement.lang)).toBe(locale);
    await look('host, no polls', host.liveFrame());

    // The composer with each question kind's editor, quiz settings, and a validation problem.
    await host.frame.getByTestId('compose-poll').first().click();
    const kind = host.frame.getByTestId('question-editor').first().locator('select').first();
    for (const k of KINDS) {
      await kind.selectOption(k);
      await look(`composer, ${k}`, host.liveFrame());
    }
    await host.frame.getByLabel(t('settings.quiz')).check();
    await host.frame.getByTestId('save-draft').click();
    await host.frame.locator('form.composer .error').waitFor();
    await look('composer, quiz settings and a problem', host.liveFrame());
    await host.frame.getByRole('button', { name: t('common.cancel'), exact: true }).click();

    // Polls made over the host's own socket, so the walk does not depend on reading any language.
    const hostClient = await connectAs(env.server, sim, 'p1');
    const survey = await createDraft(hostClient, SURVEY);
    const quiz = await createDraft(hostClient, QUIZ);
    await createDraft(hostClient, { ...QUIZ, title: 'Draft 7' });
    await hostClient.socket.emitWithAck('poll:open', { pollId: survey.id });

    const voter = await ready(await sim.openApp('p2'), 'participant');
    const ballot = voter.poll(SURVEY.title).locator('form.ballot');
    await ballot.locator('[data-kind=number]').waitFor();
    await look('participant, ballot of every kind', voter.liveFrame());
    await ballot.locator('button[type=submit]').click();
    await ballot.locator('.error').first().waitFor();
    await look('participant, ballot with a problem', voter.liveFrame());
    await ballot.locator('[data-kind=single] input[type=radio]').first().check();
    await ballot.locator('button[type=submit]').click();
    await voter.poll(SURVEY.title).getByTestId('vote-receipt').waitFor();
    await look('participant, voted', voter.liveFrame());

    const others = await Promise.all(['p3', 'p4'].map((id) => connectAs(env.server, sim, id)));
    for (const client of others) expect((await submit(client, survey.id, ANSWERS)).ok).toBe(true);
    await expect.poll(() => host.poll(SURVEY.title).getByTestId('turnout').getAttribute('data-voted'), POLL).toBe('3');
    await expandAll(host);
    await look('host, live results of every kind', host.liveFrame());
    // Percentages come from Intl in the panel's language ("100 %" in German, "100%" in English).
    const everyone = new Intl.NumberFormat(locale, { style: 'percent' }).format(1);
    await expect(host.poll(SURVEY.title).getByTestId('result-bar').first().textContent()).resolves.toContain(everyone);

    await hostClient.socket.emitWithAck('poll:close', { pollId: survey.id });
    await voter.waitForStatus(SURVEY.title, 'closed');
    await expandAll(voter);
    await look('participant, closed results', voter.liveFrame());

    await hostClient.socket.emitWithAck('poll:open', { pollId: quiz.id });
    await voter.waitForStatus(QUIZ.title, 'open');
    for (const [i, client] of others.entries()) {
      await submit(client, quiz.id, [{ questionId: 'q1', answer: { kind: 'single', optionId: i === 0 ? 'a' : 'b' } }]);
    }
    await hostClient.socket.emitWithAck('poll:close', { pollId: quiz.id });
    await host.poll(QUIZ.title).getByTestId('podium').waitFor();
    await voter.poll(QUIZ.title).getByTestId('my-score').waitFor();
    await look('host, quiz podium and leaderboard', host.liveFrame());
    await look('participant, quiz podium and own score', voter.liveFrame());

    await host.openReport();
    await expandAll(host);
    await look('host, report and every panel', host.liveFrame());

    await sim.net.set(voter.frameName, 'down');
    await voter.frame.locator('.banner').first().waitFor();
    await look('participant, offline', voter.liveFrame());
    await sim.net.set(voter.frameName, 'up');

    const library = await sim.openMainClient('p1');
    await narrow(library.iframe, library.liveFrame());
    await look('main client, library', library.liveFrame());
    await library.frame.getByTestId('compose-poll').click();
    await look('main client, library composer', library.liveFrame());

    // Opened outside Zoom: the notice page, in the browser's language too.
    const outside = await sim.context.newPage();
    await outside.setViewportSize({ width: 320, height: 800 });
    await outside.goto(env.server.url);
    await outside.getByTestId('not-in-zoom').waitFor();
    await look('outside Zoom', outside.mainFrame());
    await outside.close();

    [hostClient, ...others].forEach((c) => c.socket.disconnect());
    expect(found).toEqual({});
    expect(sim.problems.filter((p) => p.text.includes('[i18n]'))).toEqual([]);
  }, 150_000);
});
