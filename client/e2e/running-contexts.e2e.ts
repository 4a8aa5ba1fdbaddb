import { describe, expect, it } from 'vitest';
import type { PollSpec } from './support/app-pane';
import { useEnv } from './support/use-meeting';
import { POLL } from './support/waits';

const env = useEnv();

const TOPIC: PollSpec = { title: 'Next topic', question: 'Which first?', options: ['Pricing', 'Roadmap'] };

// Each running context Zoom can give the app (sdk.d.ts RunningContext), with the simulator answering by
// Zoom's own permission table: no call the app makes may be one Zoom would refuse there.
describe('running contexts', () => {
  it('runs a poll in a webinar: the host invites all attendees, attendees vote as guests, a panelist votes', async () => {
    const sim = await env.openSim({ open: 'host' });
    await sim.setMeetingKind('webinar');
    await sim.setRole('p2', 'Panelist');
    const host = await sim.pane('p1').ready('host');
    await host.launch(TOPIC);

    // Only the host can open the app for attendees (docs/zoom-apps/guides/webinar).
    await (await host.openInvitePanel()).inviteAll();
    await expect.poll(() => sim.invitations('p3').count(), POLL).toBe(1);
    const attendee = await sim.acceptInvitation('p3');
    // Attendees always run in guest mode: no Zoom user id reaches the server, yet they vote.
    await attendee.guestNote().waitFor();
    await attendee.vote(TOPIC.title, 'Roadmap');

    const panelist = await sim.openApp('p2').then((pane) => pane.ready('participant'));
    await panelist.vote(TOPIC.title, 'Pricing');
    await expect.poll(() => host.counts(TOPIC.title), POLL).toEqual({ Pricing: 1, Roadmap: 1 });
    await expect.poll(() => attendee.counts(TOPIC.title), POLL).toEqual({ Pricing: 1, Roadmap: 1 });

    expect(await sim.zoomRefusals()).toEqual([]);
    expect(sim.problems).toEqual([]);
    await sim.close();
  });

  it('keeps voting through collaborate mode and shows the poll large, without controls, in immersive and camera views', async () => {
    const sim = await env.openSim({ open: 'all' });
    const host = await sim.pane('p1').ready('host');
    const ines = await sim.pane('p2').ready('participant');
    await host.launch(TOPIC);

    await sim.setMeetingView('inCollaborate');
    await ines.vote(TOPIC.title, 'Pricing');
    await expect.poll(() => host.counts(TOPIC.title), POLL).toEqual({ Pricing: 1, Roadmap: 0 });

    for (const view of ['inImmersive', 'inCamera'] as const) {
      await sim.setMeetingView(view);
      await ines.frame.getByTestId('present-view').or(ines.frame.getByTestId('stage-view')).first().waitFor();
      await expect(ines.frame.getByRole('button', { name: /vote|submit/i }).count()).resolves.toBe(0);
      await expect(ines.frame.getByText(TOPIC.title).first().isVisible()).resolves.toBe(true);
    }

    await sim.setMeetingView('inMeeting');
    await host.ready('host');
    await host.close(TOPIC.title);
    await expect.poll(() => ines.status(TOPIC.title), POLL).toBe('closed');
    expect(await sim.zoomRefusals()).toEqual([]);
    expect(sim.problems).toEqual([]);
    await sim.close();
  });
});
