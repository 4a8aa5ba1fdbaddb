import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPane, PollSpec } from './support/app-pane';
import { axeFrame } from './support/axe';
import { startEnv, type E2eEnv } from './support/env';
import { PANEL_WIDTH, screenshotPanel } from './support/screenshot';
import type { SimPage } from './support/sim-page';
import { connectAs, voteFrom } from './support/socket-client';
import { waitUntil } from './support/waits';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const RETRO: PollSpec = { title: 'Sprint retro', question: 'How did this sprint go?', options: ['Great', 'Fine', 'Rough'] };

let env: E2eEnv;
let sim: SimPage;
let host: AppPane;
let voted: AppPane;
let voting: AppPane;

// One meeting for the file: a host with a live poll, one participant who has voted and one who has not.
beforeAll(async () => {
  env = await startEnv();
  sim = await env.openSim({ open: 'host' });
  host = await sim.pane('p1').ready('host');
  voted = await (await sim.openApp('p2')).ready('participant');
  voting = await (await sim.openApp('p3')).ready('participant');
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
afterAll(() => env?.close());

describe('accessibility and the panel layout', () => {
  it(`saves the host and participant views at ${PANEL_WIDTH} px for the README`, async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The participant who has not voted yet: a receipt would print the time and change the image on every run.
    for (const [pane, file] of [[host, 'host.png'], [voting, 'participant.png']] as const) {
      const { png, contentWidth } = await screenshotPanel(pane, `${SCREENSHOTS}${file}`);
      expect(png.readUInt32BE(16)).toBe(PANEL_WIDTH); // the PNG header's width field
      expect(contentWidth, `${file}: nothing overflows the panel sideways`).toBeLessThanOrEqual(PANEL_WIDTH);
    }
  });

  it('has no serious or critical axe violations in the host and participant views, light and dark', async () => {
    // Every host control on screen at once: the composer and the invitation panel open beside the live poll.
    await host.frame.getByTestId('compose-poll').click();
    await host.frame.getByText('Invite participants', { exact: true }).click();
    await host.frame.getByRole('button', { name: 'Add question' }).waitFor();

    for (const colorScheme of ['light', 'dark'] as const) {
      await sim.page.emulateMedia({ colorScheme });
      await waitUntil(`the app is ${colorScheme}`, () =>
        host.liveFrame().evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme),
      );
      for (const pane of [host, voted, voting]) {
        const report = await axeFrame(sim.page, pane.frameName);
        expect(report.checkedInFrame).toBeGreaterThan(20);
        expect(report.blocking, `${pane.personId} in ${colorScheme} mode`).toEqual([]);
      }
    }
    expect(sim.problems).toEqual([]);
  });
});
