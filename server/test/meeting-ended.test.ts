import { afterEach, describe, expect, it } from 'vitest';
import { choicePoll, disconnectAll, join, launch, vote } from './support/harness';
import { cloudPost, inspectDb, startCloudRig, waitFor, type CloudRig } from './support/zoom-cloud';

const MID = 'mtg-final==';
const HOST = { mid: MID, uid: 'h1', role: 'host' as const };
let rig: CloudRig;
afterEach(async () => rig.close());

const processed = () =>
  inspectDb(
    rig.server.dbPath,
    (db) => (db.prepare("SELECT COUNT(*) AS n FROM webhook_inbox WHERE status = 'processed'").get() as { n: number }).n,
  );
const MEETING_ENDED = { ok: false, error: { code: 'MEETING_ENDED', message: expect.stringContaining('ended') } };

describe('a meeting that has ended is final', () => {
  it('refuses relaunches, new launches and ballots with MEETING_ENDED, even after a late meeting.started', async () => {
    rig = await startCloudRig();
    const host = await join(rig.server, HOST);
    const voter = await join(rig.server, { mid: MID, uid: 'v1' });
    const pollId = await launch(host);
    expect((await vote(voter, pollId, 'a')).ok).toBe(true);
    const draft = await host.socket.emitWithAck('poll:create', choicePoll({}, 'Later'));
    if (!draft.ok) throw new Error(draft.error.message);

    await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: MID, hostId: HOST.uid });
    await cloudPost(rig, '/events', { event: 'meeting.ended', meetingUuid: MID });
    await waitFor(() => processed() === 2, 5000, 'meeting.ended applied');

    // The closed poll cannot run again, the draft cannot launch, and the still-valid socket cannot vote.
    expect(await host.socket.emitWithAck('poll:open', { pollId })).toMatchObject(MEETING_ENDED);
    expect(await host.socket.emitWithAck('poll:open', { pollId: draft.data.poll.id })).toMatchObject(MEETING_ENDED);
    expect(await vote(voter, pollId, 'b')).toMatchObject(MEETING_ENDED);
    // A replayed or late meeting.started does not reopen it: a UUID is one meeting instance.
    await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: MID, hostId: HOST.uid });
    await waitFor(() => processed() === 3, 5000, 'late meeting.started applied');
    expect(await host.socket.emitWithAck('poll:open', { pollId })).toMatchObject(MEETING_ENDED);
    const stored = inspectDb(rig.server.dbPath, (db) =>
      db.prepare('SELECT status, run FROM polls WHERE id = ?').get(pollId),
    );
    expect(stored).toEqual({ status: 'closed', run: 1 });
    expect(inspectDb(rig.server.dbPath, (db) => db.prepare('SELECT COUNT(*) AS n FROM ballots').get())).toEqual({
      n: 1,
    });
    disconnectAll(host, voter);
  });

  it('still lets hosts launch in a meeting that has not ended', async () => {
    rig = await startCloudRig();
    const host = await join(rig.server, HOST);
    await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: MID, hostId: HOST.uid });
    await waitFor(() => processed() === 1, 5000, 'meeting.started applied');
    expect(typeof (await launch(host))).toBe('string');
    disconnectAll(host);
  });
});
