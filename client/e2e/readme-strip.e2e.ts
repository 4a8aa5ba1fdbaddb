import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { PANEL_WIDTH, screenshotPanel } from './support/screenshot';
import { connectAs, voteFrom } from './support/socket-client';
import { useMeeting } from './support/use-meeting';
import { POLL } from './support/waits';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const LUNCH: PollSpec = {
  title: 'Team lunch',
  question: 'Where shall we eat on Friday?',
  options: ['Noodles', 'Tacos', 'Salad'],
};

const { env, sim, host } = useMeeting(0);

/** Saves one frame of the README's strip and checks it is a whole panel with nothing overflowing sideways. */
async function frame(pane: AppPane, name: string): Promise<void> {
  // From the top of the panel, wherever the last typed field scrolled it.
  await pane.liveFrame().evaluate(() => window.scrollTo(0, 0));
  const { png, contentWidth } = await screenshotPanel(pane, `${SCREENSHOTS}strip-${name}.png`);
  expect(png.readUInt32BE(16)).toBe(PANEL_WIDTH); // the PNG header's width field
  expect(contentWidth, `strip-${name}: nothing overflows the panel sideways`).toBeLessThanOrEqual(PANEL_WIDTH);
}

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

describe('the README strip', () => {
  it('captures one poll from the composer to the closed result, as the README opens with it', async () => {
    const ines = await (await sim.openApp('p2')).ready('participant');
    const omar = await (await sim.openApp('p3')).ready('participant');

    // 1. The host writes the poll (the frame is taken before launching, with the composer filled in).
    await host.writePoll(LUNCH);
    await frame(host, '1-compose');
    await host.frame.getByTestId('launch-draft').click();

    // 2. A participant's ballot, an option picked (not yet sent: a receipt would print the time).
    await omar.waitForStatus(LUNCH.title, 'open');
    await omar.poll(LUNCH.title).getByRole('radio', { name: 'Tacos' }).check();
    await frame(omar, '2-ballot');

    // 3. Votes arrive and the host's bars move.
    await ines.waitForStatus(LUNCH.title, 'open');
    await ines.vote(LUNCH.title, 'Tacos');
    for (const [name, pick] of [
      ['Paul', 'Noodles'],
      ['Zoe', 'Tacos'],
      ['Yuki', 'Salad'],
    ] as const) {
      const id = name === 'Paul' ? 'p4' : await sim.addPerson(name);
      const client = await connectAs(env.server, sim, id);
      await voteFrom(client, LUNCH.title, pick);
      client.socket.disconnect();
    }
    await expect.poll(() => host.counts(LUNCH.title), POLL).toEqual({ Noodles: 1, Tacos: 2, Salad: 1 });
    await frame(host, '3-live');

    // 4. Omar's vote makes it three for Tacos; the host closes the poll and everyone sees the winner.
    await omar.poll(LUNCH.title).getByRole('button', { name: 'Submit vote' }).click();
    await expect.poll(() => host.counts(LUNCH.title), POLL).toEqual({ Noodles: 1, Tacos: 3, Salad: 1 });
    await host.close(LUNCH.title);
    await frame(host, '4-closed');
    expect(sim.problems).toEqual([]);
  });
});
