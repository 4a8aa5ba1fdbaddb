import type { Poll } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingReport } from '../src/services/meeting-report';
import { disconnectAll, join, launch, vote } from './support/harness';
import { api, authorizeInClient, cloudPost, startCloudRig, waitFor, type CloudRig } from './support/zoom-cloud';

const MID = 'mtg-report==';
const HOST = { mid: MID, uid: 'host-r', role: 'host' as const };
let rig: CloudRig;
afterEach(async () => rig.close());

interface DeliveryView {
  kind: string;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

describe('meeting.ended', () => {
  it('closes open polls live, emails the host the report and posts signed webhooks, retried on failure', async () => {
    // Two receivers on the fake cloud: one fails once then accepts, one always fails.
    rig = await startCloudRig({
      config: (cloud) => ({ outgoingWebhookUrls: [`${cloud}/hooks/crm?fail=1`, `${cloud}/hooks/broken?fail=99`] }),
    });

    expect((await authorizeInClient(rig, HOST)).res.status).toBe(200);
    const host = await join(rig.server, HOST);
    const voters = await Promise.all(['v1', 'v2', 'v3'].map((uid) => join(rig.server, { mid: MID, uid })));
    const pollId = await launch(host);
    await Promise.all(voters.map((v, i) => vote(v, pollId, i === 0 ? 'a' : 'b')));
    const closedLive = new Promise<Poll>((resolve) =>
      voters[0]!.socket.on('poll:updated', (p) => p.status === 'closed' && resolve(p)),
    );

    await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: MID, topic: 'Retro', hostId: HOST.uid });
    for (const uid of ['v1', 'v2', 'v3'])
      await cloudPost(rig, '/events', {
        event: 'meeting.participant_joined',
        meetingUuid: MID,
        participant: { uid, name: uid },
      });
    await cloudPost(rig, '/events', { event: 'meeting.ended', meetingUuid: MID });
    expect(await closedLive).toMatchObject({ id: pollId, status: 'closed' });

    const email = await waitFor(() => rig.cloud.outbox.emails[0], 5000, 'the report email');
    expect(email.to).toEqual(['host-r@sim.zoom.test']);
    expect(email.subject).toBe('Quorum results: Retro');
    expect(email.text).toContain('Participants: 3');
    expect(email.text).toMatch(/Where shall we eat\? \(3 answered\)\n\s+Noodles: 1\n\s+Tacos: 2/);

    const crm = await waitFor(
      () =>
        rig.cloud.outbox.webhooks.filter((w) => w.name === 'crm').length === 2 &&
        rig.cloud.outbox.webhooks.filter((w) => w.name === 'crm'),
      5000,
      'webhook retry',
    );
    expect(crm.map((w) => [w.status, w.signatureValid])).toEqual([
      [500, true],
      [200, true],
    ]);
    const report = (crm[1]!.body as { report: MeetingReport }).report;
    expect(report.meeting.topic).toBe('Retro');
    expect(report.polls[0]!.runs[0]).toMatchObject({ run: 1, turnout: 3 });
    expect(JSON.stringify(report)).not.toMatch(/v1|host-r@/);

    const deliveries = await waitFor(
      async () => {
        const list = (
          (await (await api(rig.server, '/api/deliveries', host.token)).json()) as { deliveries: DeliveryView[] }
        ).deliveries;
        return list.every((d) => d.status !== 'pending') && list.length === 3 && list;
      },
      5000,
      'deliveries to settle',
    );
    expect(deliveries.map(({ kind, status, attempts }) => ({ kind, status, attempts }))).toEqual(
      expect.arrayContaining([
        { kind: 'webhook', status: 'delivered', attempts: 2 },
        { kind: 'webhook', status: 'failed', attempts: 3 },
        { kind: 'email', status: 'delivered', attempts: 1 },
      ]),
    );
    expect(deliveries.find((d) => d.kind === 'email')!.target).toBe('h***@sim.zoom.test');
    expect(deliveries.find((d) => d.status === 'failed')!.lastError).toBe('receiver answered HTTP 500');
    expect((await api(rig.server, '/api/deliveries', voters[0]!.token)).status).toBe(403);
    disconnectAll(host, ...voters);
  });

  it('records the email as skipped when the host never authorized Quorum', async () => {
    rig = await startCloudRig();
    const host = await join(rig.server, HOST);
    await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: MID, hostId: HOST.uid });
    await cloudPost(rig, '/events', { event: 'meeting.ended', meetingUuid: MID });
    const list = await waitFor(async () => {
      const body = (await (await api(rig.server, '/api/deliveries', host.token)).json()) as {
        deliveries: DeliveryView[];
      };
      return body.deliveries.length > 0 && body.deliveries;
    });
    expect(list).toEqual([
      expect.objectContaining({
        kind: 'email',
        status: 'skipped',
        lastError: expect.stringContaining('not authorized'),
      }),
    ]);
    expect(rig.cloud.outbox.emails).toEqual([]);
    disconnectAll(host);
  });
});
