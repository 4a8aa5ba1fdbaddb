import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { startEnv, type E2eEnv } from './support/env';
import type { SimPage } from './support/sim-page';
import { connectAs } from './support/socket-client';
import { POLL } from './support/waits';

const FRUIT: PollSpec = { title: 'Fruit', question: 'Which fruit?', options: ['Apple', 'Pear'] };

let env: E2eEnv;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => env?.close());

/** The submissions waiting in the page's outboxes (one localStorage per origin: the simulator's and its panes'). */
const queuedInStorage = (sim: SimPage): Promise<number> =>
  sim.page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('quorum.outbox.v1:'))
      .reduce((n, key) => n + (JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[]).length, 0),
  );

/** The option label `personId`'s stored ballot chose, as their own session sees it in the server's snapshot. */
async function storedChoiceOf(sim: SimPage, personId: string): Promise<string[]> {
  const client = await connectAs(env.server, sim, personId);
  client.socket.disconnect();
  const poll = client.snapshot.polls.find((p) => p.title === FRUIT.title);
  const question = poll?.questions[0];
  const options = question?.kind === 'single' ? question.options : [];
  return client.snapshot.myBallots.map(({ answer }) =>
    answer.kind === 'single' ? (options.find((o) => o.id === answer.optionId)?.label ?? '?') : '?',
  );
}

/** Lines of the poll's CSV export (header first), read with the host's session. */
async function exportedRows(sim: SimPage, pollId: string): Promise<string[]> {
  const host = await connectAs(env.server, sim, 'p1');
  host.socket.disconnect();
  const csv = await fetch(`${env.server.url}/api/polls/${pollId}/runs/1/export.csv`, {
    headers: { authorization: `Bearer ${host.token}` },
  });
  return (await csv.text()).trim().split('\n');
}

/** Submits a vote while the server is down: the pane says it is waiting, and nothing is counted yet. */
async function voteWhileDown(pane: AppPane, option: string): Promise<void> {
  await pane.frame.locator('.banner-connecting').waitFor();
  await pane.submitVote(FRUIT.title, option);
  await pane.poll(FRUIT.title).getByText('Sending…').waitFor();
}

const pollIdOf = async (host: AppPane): Promise<string> => {
  const id = await host.poll(FRUIT.title).getAttribute('data-poll-id');
  if (!id) throw new Error('the poll card has no id');
  return id;
};

describe('a graceful server restart under open panes', () => {
  it('keeps a ballot queued while the server is down through a reload, and sends it once when the server is back', async () => {
    const sim = await env.openSim({ open: 'host' });
    const host = await sim.pane('p1').ready('host');
    const voter = await (await sim.openApp('p2')).ready('participant');
    await host.launch(FRUIT);
    await voter.waitForStatus(FRUIT.title, 'open');
    const pollId = await pollIdOf(host);

    await env.restartServer(async () => {
      await voteWhileDown(voter, 'Apple');
      // The reload cannot load the app (nothing listens): the ballot now lives only in the page's storage.
      await voter.pane.getByTestId('pane-reload').click();
      expect(await queuedInStorage(sim)).toBe(1);
    });

    // The host's pane comes back by itself; the participant opens the app again and its outbox sends the ballot.
    await host.frame.locator('.banner-connecting').waitFor({ state: 'detached' });
    await voter.pane.getByTestId('pane-reload').click();
    await voter.ready('participant');
    await voter.poll(FRUIT.title).getByTestId('vote-receipt').waitFor();
    await expect.poll(() => host.counts(FRUIT.title), POLL).toEqual({ Apple: 1, Pear: 0 });
    expect(await queuedInStorage(sim)).toBe(0);
    expect(await exportedRows(sim, pollId)).toHaveLength(2);
    expect(await storedChoiceOf(sim, 'p2')).toEqual(['Apple']);
  });

  it('keeps each pane of one browser (one cookie jar) its own identity across the restart', async () => {
    const sim = await env.openSim({ open: 'all' });
    const host = await sim.pane('p1').ready('host');
    const [ines, omar] = await Promise.all([sim.pane('p2').ready('participant'), sim.pane('p3').ready('participant')]);
    await host.launch(FRUIT);
    await Promise.all([ines, omar].map((p) => p.waitForStatus(FRUIT.title, 'open')));
    const pollId = await pollIdOf(host);

    await env.restartServer(async () => {
      await voteWhileDown(ines, 'Apple');
      await voteWhileDown(omar, 'Pear');
    });

    // Every pane reconnects by itself (no reload, no click) and is still who it was.
    for (const pane of [ines, omar]) await pane.poll(FRUIT.title).getByTestId('vote-receipt').waitFor();
    await host.ready('host');
    await ines.ready('participant');
    await omar.ready('participant');
    await expect.poll(() => host.counts(FRUIT.title), POLL).toEqual({ Apple: 1, Pear: 1 });
    expect(await storedChoiceOf(sim, 'p2')).toEqual(['Apple']);
    expect(await storedChoiceOf(sim, 'p3')).toEqual(['Pear']);
    expect(await storedChoiceOf(sim, 'p1')).toEqual([]);
    expect(await exportedRows(sim, pollId)).toHaveLength(3);
    await expect(host.poll(FRUIT.title).getByTestId('close-poll').isEnabled()).resolves.toBe(true);
  });
});
