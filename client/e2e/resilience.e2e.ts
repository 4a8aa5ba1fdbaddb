import { PROTOCOL_VERSION, type PollRef } from '@quorum/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { choicePoll } from '../../server/test/support/harness';
import type { PollSpec } from './support/app-pane';
import { useEnv } from './support/use-meeting';
import { connectAs } from './support/socket-client';
import { POLL, waitUntil } from './support/waits';

const FRUIT: PollSpec = { title: 'Fruit', question: 'Which fruit?', options: ['Apple', 'Pear'] };

const env = useEnv();

/** A meeting where only the host and `voterId` have the app open (fewer frames, faster), with a poll open. */
async function openPoll(voterId: string) {
  const sim = await env.openSim({ open: 'host' });
  const host = await sim.pane('p1').ready('host');
  const voter = await (await sim.openApp(voterId)).ready('participant');
  await host.launch(FRUIT);
  await voter.waitForStatus(FRUIT.title, 'open');
  const pollId = await host.poll(FRUIT.title).getAttribute('data-poll-id');
  if (!pollId) throw new Error('the poll card has no id');
  return { sim, host, voter, pollId };
}

describe('what the server and the connection can throw at a participant', () => {
  it('rejects host actions forged by a participant on the socket, and nothing changes', async () => {
    const { sim, host, voter, pollId } = await openPoll('p2');
    const forger = await connectAs(env.server, sim, 'p2');
    expect(forger.session.role).toBe('participant');

    const ref: PollRef = { pollId };
    const acks = [
      await forger.socket.emitWithAck('poll:close', ref),
      await forger.socket.emitWithAck('poll:delete', ref),
      await forger.socket.emitWithAck('poll:share', ref),
      await forger.socket.emitWithAck('poll:open', ref),
      await forger.socket.emitWithAck('poll:update', { pollId, draft: choicePoll({}, 'Hacked') }),
      await forger.socket.emitWithAck('poll:create', choicePoll({}, 'Hacked')),
    ];
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(Array(acks.length).fill('FORBIDDEN'));

    // A session cannot be promoted by editing its token, and host-only exports stay closed.
    const tampered = io(env.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { protocolVersion: PROTOCOL_VERSION, token: `${forger.token}x` },
    });
    const refused = await new Promise<string>((resolve) => tampered.once('connect_error', (e) => resolve(e.message)));
    tampered.close();
    expect(refused).toBe('UNAUTHENTICATED');
    const exported = await fetch(`${env.server.url}/api/polls/${pollId}/runs/1/export.csv`, {
      headers: { authorization: `Bearer ${forger.token}` },
    });
    expect(exported.status).toBe(403);
    forger.socket.disconnect();

    // A real vote after the forgeries: once it shows, anything the forgeries had broadcast would have too.
    await voter.vote(FRUIT.title, 'Pear');
    await expect.poll(() => host.counts(FRUIT.title), POLL).toEqual({ Apple: 0, Pear: 1 });
    for (const pane of [host, voter]) {
      expect(await pane.status(FRUIT.title)).toBe('open');
      expect(await pane.frame.getByTestId('poll-card').count()).toBe(1);
    }
    await expect(host.poll(FRUIT.title).getByTestId('close-poll').isEnabled()).resolves.toBe(true);
  });

  it('keeps a vote cast while offline, sends it when the connection returns, and counts it once', async () => {
    const { sim, host, voter } = await openPoll('p3');
    await waitUntil('the socket is upgraded', () => sim.net.upgraded(voter.frameName));

    await sim.net.set(voter.frameName, 'down');
    await voter.frame.locator('.banner-connecting').waitFor();
    await voter.submitVote(FRUIT.title, 'Apple');
    await voter.poll(FRUIT.title).getByText('Sending…').waitFor();
    expect(await voter.poll(FRUIT.title).getByTestId('vote-receipt').count()).toBe(0);
    await expect(host.poll(FRUIT.title).getByTestId('turnout').getAttribute('data-voted')).resolves.toBe('0');

    await sim.net.set(voter.frameName, 'up');
    await voter.poll(FRUIT.title).getByTestId('vote-receipt').waitFor();
    await expect.poll(() => host.counts(FRUIT.title), POLL).toEqual({ Apple: 1, Pear: 0 });
    await expect(host.poll(FRUIT.title).getByTestId('turnout').getAttribute('data-voted')).resolves.toBe('1');
    await expect(voter.poll(FRUIT.title).getByText('Sending…').count()).resolves.toBe(0);
  });

  it('re-sends a ballot whose acknowledgement was lost, and the server counts it once', async () => {
    const { sim, host, voter, pollId } = await openPoll('p4');
    await waitUntil('the socket is upgraded', () => sim.net.upgraded(voter.frameName));

    // The ballot reaches the server, but its ack never arrives; then the connection drops.
    await sim.net.set(voter.frameName, 'deaf');
    await voter.submitVote(FRUIT.title, 'Pear');
    const observer = await connectAs(env.server, sim, 'p1');
    await observer.waitForTally(pollId, (t) => t.turnout === 1);
    await voter.poll(FRUIT.title).getByText('Sending…').waitFor();
    await sim.net.set(voter.frameName, 'down');
    await sim.net.set(voter.frameName, 'up');

    await voter.poll(FRUIT.title).getByTestId('vote-receipt').waitFor();
    await expect.poll(() => host.counts(FRUIT.title), POLL).toEqual({ Apple: 0, Pear: 1 });
    const csv = await fetch(`${env.server.url}/api/polls/${pollId}/runs/1/export.csv`, {
      headers: { authorization: `Bearer ${observer.token}` },
    });
    const rows = (await csv.text()).trim().split('\n');
    expect(rows).toHaveLength(2);
    observer.socket.disconnect();
  });
});
