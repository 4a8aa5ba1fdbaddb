import { describe, expect, it } from 'vitest';
import type { PollSpec } from './support/app-pane';
import { useEnv } from './support/use-meeting';
import { POLL } from './support/waits';

const COFFEE: PollSpec = { title: 'Coffee break', question: 'When?', options: ['Now', 'Later'] };

const env = useEnv();

// Zoom's guest mode: someone who has not added the app runs it without a Zoom user id in the app
// context, may open it only from an invitation, votes under the identity the meeting gives them, and
// can add the app through promptAuthorize.
describe('guest mode', () => {
  it('lets an invited guest vote, says what a guest can do, and keeps their one vote after they add the app', async () => {
    const sim = await env.openSim({ open: 'host' });
    const host = await sim.pane('p1').ready('host');
    await sim.page
      .locator('[data-testid=roster-row][data-person-id=p3]')
      .getByTestId('status-select')
      .selectOption('unauthenticated');
    await host.launch(COFFEE);

    // Zoom lets a guest open only an app they were invited to.
    await expect(sim.paneOf('p3').getByTestId('open-app').isDisabled()).resolves.toBe(true);
    await (await host.openInvitePanel()).inviteAll();
    await expect.poll(() => sim.invitations('p3').count(), POLL).toBe(1);
    const guest = await sim.acceptInvitation('p3');

    await expect(guest.guestNote().textContent()).resolves.toContain('you can vote');
    await guest.waitForStatus(COFFEE.title, 'open');
    await guest.vote(COFFEE.title, 'Later');
    await expect.poll(() => host.counts(COFFEE.title), POLL).toEqual({ Now: 0, Later: 1 });

    // Adding the app gives the session a Zoom user id; the vote cast as a guest stays theirs, once.
    await guest.addAppAsGuest();
    await guest.poll(COFFEE.title).getByTestId('vote-receipt').waitFor();
    await expect.poll(() => host.counts(COFFEE.title), POLL).toEqual({ Now: 0, Later: 1 });
    await expect.poll(() => host.turnout(COFFEE.title), POLL).toMatch(/^1 of/);
    expect(sim.problems).toEqual([]);
  });
});
