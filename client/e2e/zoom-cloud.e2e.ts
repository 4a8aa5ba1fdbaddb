import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../server/test/support/harness';
import type { PollSpec } from './support/app-pane';
import { CHROMIUM_ARGS, ensureChromium } from './support/chromium';
import { SimPage } from './support/sim-page';
import { connectAs } from './support/socket-client';
import { POLL, waitUntil } from './support/waits';

const STANDUP: PollSpec = {
  title: 'Standup length',
  question: 'How long should standups be?',
  options: ['10 minutes', '15 minutes'],
};

/** The app with its built-in fake Zoom cloud; Quorum's outgoing webhooks go to the cloud's receiver. */
const startWithFakeCloud = (): Promise<TestServer> =>
  startServer((url) => ({ outgoingWebhookUrls: [`${url}/sim/zoom/hooks/e2e`] }));

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startWithFakeCloud();
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Zoom cloud, through the simulator', () => {
  it('connects the host’s Zoom account, shows the topic, and on "End meeting" closes the poll and emails the report', async () => {
    const sim = await SimPage.open(browser, server.url, { open: 'host' });
    const host = await sim.pane('p1').ready('host');

    // In-client OAuth: the app's challenge, the simulator's authorize minting a real code, the server redeeming it.
    await host.openSettings();
    await host.frame.getByRole('button', { name: 'Connect Zoom account' }).click();
    await host.frame.getByTestId('meeting-topic').filter({ hasText: 'Team sync' }).waitFor();
    await expect(host.frame.getByRole('button', { name: 'Connect Zoom account' }).count()).resolves.toBe(0);
    await host.closeSettings();

    await host.launch(STANDUP);
    await sim.endMeeting();

    // The fake cloud sent a signed meeting.ended; Quorum closed the poll and mailed the host its report.
    const panel = sim.page.getByTestId('zoom-cloud');
    await panel.locator('summary').first().click();
    const email = panel.getByTestId('cloud-email').filter({ hasText: 'Quorum results: Team sync' });
    await email.waitFor();
    await email.locator('summary').click();
    await expect(email.locator('pre').textContent()).resolves.toContain(`* ${STANDUP.title}`);
    await panel.locator('[data-testid=cloud-event][data-event="meeting.ended"][data-delivered=true]').waitFor();
    await panel.locator('[data-testid=cloud-webhook][data-signature-valid=true]').first().waitFor();

    await waitUntil('the poll is closed for someone who opens the meeting now', async () => {
      const late = await connectAs(server, sim, 'p2');
      late.socket.disconnect();
      return late.snapshot.polls.some((p) => p.title === STANDUP.title && p.status === 'closed');
    });

    // The host's ended page lists where the report went.
    await expect
      .poll(() => host.frame.locator('[data-testid=delivery][data-kind=email]').getAttribute('data-status'), POLL)
      .toBe('delivered');
    expect(sim.problems).toEqual([]);
    await sim.close();
  });
});
