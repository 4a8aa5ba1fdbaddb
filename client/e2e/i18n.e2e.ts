import type { Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Poll, PollDraftInput } from '@quorum/shared';
import type { Client } from '../../server/test/support/harness';
import { createDraft, submit } from '../../server/test/support/requests';
import { intlFor, LOCALES, type Locale, type MessageId } from '../src/i18n';
import type { AppPane } from './support/app-pane';
import { closeRooms, hostRoom, inRoom, openRooms } from './support/breakout';
import { useEnv } from './support/use-meeting';
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

// Run in breakout rooms: a named poll shows every room's share, an anonymous one withholds small rooms.
const ROOMS: PollDraftInput = {
  title: 'Rooms 7',
  questions: [{ id: 'q1', kind: 'single', prompt: 'Eta?', options: ABC }],
};
const HUSH: PollDraftInput = { ...ROOMS, title: 'Hush 7', settings: { anonymous: true } };
const pick = (optionId: string): { questionId: string; answer: Answer }[] => [
  { questionId: 'q1', answer: { kind: 'single', optionId } },
];

const env = useEnv();

/** One language's walk: what each view got wrong, keyed by view, handed over (and cleared) by `take`. */
function recorder(locale: Locale) {
  const tells = englishTells(locale);
  let found: Record<string, ViewProblems> = {};
  return {
    async look(view: string, frame: Frame) {
      const seen = await inspect(frame, tells);
      if (seen.i18nErrors > 0 || seen.english.length > 0 || seen.overflow.length > 0) found[view] = seen;
    },
    take() {
      const taken = found;
      found = {};
      return taken;
    },
  };
}

/** Votes for the first option of the single-choice poll titled `title` through the pane's ballot, in any language. */
async function voteFirst(pane: AppPane, title: string) {
  const ballot = pane.poll(title).locator('form.ballot');
  await pane.dismissToasts();
  await ballot.locator('input[type=radio]').first().check();
  await ballot.locator('button[type=submit]').click();
  await pane.poll(title).getByTestId('vote-receipt').waitFor();
}

/** Opens every closed disclosure shown in the frame (run history, word counts, invitations…), not those in hidden tabs. */
async function expandAll(pane: AppPane) {
  const closed = pane.frame.locator('details:not([open]) > summary').filter({ visible: true });
  for (let i = 0; i < 20 && (await closed.count()) > 0; i++) await closed.first().click();
}

async function ready(pane: AppPane, role: 'host' | 'participant') {
  await pane.ready(role);
  await narrow(pane.iframe, pane.liveFrame());
  return pane;
}

describe.each(LOCALES)('the app in %s at 320 px', (locale) => {
  const t = (id: MessageId, values?: Record<string, string | number>) => intlFor(locale).formatMessage({ id }, values);
  const { look, take } = recorder(locale);
  let sim: SimPage;
  let host: AppPane;
  let voter: AppPane;
  let hostClient: Client;
  let others: Client[];
  let roomies: Client[];
  let survey: Poll;
  let quiz: Poll;
  beforeAll(async () => {
    sim = await env.openSim({ open: 'host', locale: BROWSER_LANGUAGE[locale] });
    host = await ready(sim.pane('p1'), 'host');
  });
  afterAll(async () => {
    [hostClient, ...(others ?? []), ...(roomies ?? [])].forEach((c) => c?.socket.disconnect());
    await sim?.close();
  });
  // Nothing in any view may be untranslated, fail to format, or stick out of the panel.
  afterEach(() => {
    expect(take()).toEqual({});
    expect(sim.problems.filter((p) => p.text.includes('[i18n]'))).toEqual([]);
  });

  it("follows the browser language: the composer with each kind's editor, quiz settings and a problem", async () => {
    expect(await host.liveFrame().evaluate(() => document.documentElement.lang)).toBe(locale);
    await look('host, no polls', host.liveFrame());
    await host.frame.getByTestId('compose-poll').first().click();
    await look('composer, settings folded to chips', host.liveFrame());
    // Each kind with the settings it has (the profanity filter for open text, quiz mode for choices).
    await host.openComposerSettings();
    const kind = host.frame.getByTestId('question-editor').first().locator('select').first();
    for (const k of KINDS) {
      await kind.selectOption(k);
      await look(`composer, ${k}`, host.liveFrame());
    }
    await kind.selectOption('single');
    await host.frame.getByLabel(t('settings.quiz')).check();
    await host.frame.getByTestId('save-draft').click();
    await host.frame.locator('form.composer .error').waitFor();
    await look('composer, quiz settings and a problem', host.liveFrame());
    await host.frame.getByRole('button', { name: t('common.cancel'), exact: true }).click();
  });

  it('shows the ballot of every kind, its problems and the receipt', async () => {
    // Polls made over the host's own socket, so the walk does not depend on reading any language.
    hostClient = await connectAs(env.server, sim, 'p1');
    survey = await createDraft(hostClient, SURVEY);
    quiz = await createDraft(hostClient, QUIZ);
    await createDraft(hostClient, { ...QUIZ, title: 'Draft 7' });
    await hostClient.socket.emitWithAck('poll:open', { pollId: survey.id });
    voter = await ready(await sim.openApp('p2'), 'participant');
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
  });

  it('shows live and closed results of every kind, the quiz podium, the report and the offline banner', async () => {
    others = await Promise.all(['p3', 'p4'].map((id) => connectAs(env.server, sim, id)));
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
    for (const [i, client] of others.entries())
      await submit(client, quiz.id, [{ questionId: 'q1', answer: { kind: 'single', optionId: i === 0 ? 'a' : 'b' } }]);
    await hostClient.socket.emitWithAck('poll:close', { pollId: quiz.id });
    await host.poll(QUIZ.title).getByTestId('podium').waitFor();
    await voter.poll(QUIZ.title).getByTestId('my-score').waitFor();
    await look('host, quiz podium and leaderboard', host.liveFrame());
    await look('participant, quiz podium and own score', voter.liveFrame());

    // Present mode (results for screen sharing) of the closed survey, then back to the panel.
    // The quiz's launch folded the closed survey to one line: unfold it first.
    await look('host, closed polls folded', host.liveFrame());
    await host.expand(SURVEY.title);
    await host.poll(SURVEY.title).getByTestId('present-poll').click();
    const stage = host.frame.getByTestId('present-view');
    await stage.getByRole('heading', { level: 1 }).waitFor();
    await look('host, present mode', host.liveFrame());
    await stage.getByRole('heading', { level: 1 }).press('Escape');
    await stage.waitFor({ state: 'detached' });

    await host.openReport();
    await host.openSettings();
    await expandAll(host);
    await look('host, report and every panel', host.liveFrame());
    await host.openTab('Library');
    await look('host, library', host.liveFrame());
    await host.openTab('Polls');

    await sim.net.set(voter.frameName, 'down');
    await voter.frame.locator('.banner').first().waitFor();
    await look('participant, offline', voter.liveFrame());
    await sim.net.set(voter.frameName, 'up');
  });

  it("shows the host's results by breakout room, a participant's own room and all rooms, and a withheld room", async () => {
    // Two more people, so the split (roster order, host stays) puts Ines, Paul and Rosa in the first room, Omar and Quinn in the second.
    await sim.addPerson('Quinn');
    const rosa = await sim.addPerson('Rosa');
    const polls = [await createDraft(hostClient, ROOMS), await createDraft(hostClient, HUSH)];
    for (const poll of polls) await hostClient.socket.emitWithAck('poll:open', { pollId: poll.id });
    const rooms = [...(await openRooms(sim, 2)).entries()];
    const [[first, firstId], [second]] = rooms as [[string, string], [string, string]];
    await inRoom(voter, firstId);
    // Sockets with each person's context in their room: Omar alone votes in the second room.
    const [omar, paul, rosaClient] = (roomies = await Promise.all(
      ['p3', 'p4', rosa].map((id) => connectAs(env.server, sim, id)),
    ));
    for (const [client, choice] of [
      [omar, 'c'],
      [paul, 'b'],
    ] as const)
      expect((await submit(client!, polls[0]!.id, pick(choice))).ok).toBe(true);
    for (const [client, choice] of [
      [omar, 'c'],
      [paul, 'a'],
      [rosaClient, 'b'],
    ] as const)
      expect((await submit(client!, polls[1]!.id, pick(choice))).ok).toBe(true);
    for (const poll of [ROOMS, HUSH]) await voter.waitForStatus(poll.title, 'open');
    for (const poll of [ROOMS, HUSH]) await voteFirst(voter, poll.title);

    // The host: each room's share of the named poll; the anonymous one withholds the lone voter's room and the room that would give it away.
    await expect
      .poll(() => hostRoom(host, ROOMS.title, second).getByTestId('room-turnout').getAttribute('data-voted'), POLL)
      .toBe('1');
    await expect
      .poll(() => hostRoom(host, ROOMS.title, first).getByTestId('room-turnout').getAttribute('data-voted'), POLL)
      .toBe('2');
    await expect
      .poll(() => hostRoom(host, HUSH.title, second).getByTestId('room-suppressed').getAttribute('data-reason'), POLL)
      .toBe('few-voters');
    await expect
      .poll(() => hostRoom(host, HUSH.title, first).getByTestId('room-suppressed').getAttribute('data-reason'), POLL)
      .toBe('would-reveal');
    await expect(host.poll(ROOMS.title).getByTestId('all-rooms-heading').textContent()).resolves.toBe(t('rooms.all'));
    await look('host, results by breakout room and withheld rooms', host.liveFrame());

    // Ines: her room first (shown in the named poll, withheld in the anonymous one), then "All rooms".
    await expect
      .poll(
        () =>
          voter
            .poll(ROOMS.title)
            .getByTestId('own-room-results')
            .getByTestId('room-turnout')
            .getAttribute('data-voted'),
        POLL,
      )
      .toBe('2');
    await expect
      .poll(() => voter.poll(HUSH.title).getByTestId('own-room-results').getByTestId('room-suppressed').count(), POLL)
      .toBe(1);
    await expect(voter.poll(ROOMS.title).getByTestId('all-rooms-heading').textContent()).resolves.toBe(t('rooms.all'));
    await look('participant, own room, all rooms and a withheld room', voter.liveFrame());

    await closeRooms(sim);
    await inRoom(voter, '');
  });

  it("shows the main client's library, the meeting's end and the page outside Zoom", async () => {
    const library = await sim.openMainClient('p1');
    await narrow(library.iframe, library.liveFrame());
    await look('main client, library', library.liveFrame());
    await library.frame.getByTestId('compose-poll').click();
    await look('main client, library composer', library.liveFrame());

    // The meeting ends: the host keeps the report and where it was sent; everyone gets the goodbye.
    await sim.endMeeting();
    await host.frame.getByTestId('meeting-report').getByTestId('attendance').waitFor();
    await host.frame.getByTestId('deliveries').waitFor();
    await voter.frame.locator('main.notice').waitFor();
    await look('host, meeting ended with its report', host.liveFrame());
    await look('participant, meeting ended', voter.liveFrame());

    // Opened outside Zoom: the notice page, in the browser's language too.
    const outside = await sim.context.newPage();
    await outside.setViewportSize({ width: 320, height: 800 });
    await outside.goto(env.server.url);
    await outside.getByTestId('not-in-zoom').waitFor();
    await look('outside Zoom', outside.mainFrame());
    await outside.close();
  });
});
