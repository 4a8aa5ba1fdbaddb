import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type SessionRevoked } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { choicePoll, disconnectAll, join, launch, vote, type Client } from './support/harness';
import {
  api,
  authorizeInClient,
  cloudPost,
  inspectDb,
  startCloudRig,
  waitFor,
  type CloudRig,
} from './support/zoom-cloud';

const MID = 'mtg-deauth==';
const UID = 'zu-leaver-7f3';
const NAME = 'Lee Leaverson';
const EMAIL = `${UID}@sim.zoom.test`;
const HOSTED = 'mtg-theirs==';
let rig: CloudRig;
afterEach(async () => rig?.close());

const processed = () =>
  inspectDb(
    rig.server.dbPath,
    (db) => (db.prepare("SELECT COUNT(*) AS n FROM webhook_inbox WHERE status = 'processed'").get() as { n: number }).n,
  );

/** Every row of every table of the app's database, as text: where anything of theirs would show. */
function everyTable(): Record<string, string> {
  return inspectDb(rig.server.dbPath, (db) => {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [name, JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())]),
    );
  });
}

/**
 * The user: authorized (tokens, profile), a template, a draft in their personal space, attendance, the
 * host of a meeting that ended (its report emailed to them: a delivery row), and one ballot.
 */
async function leaverWithData(host: Client) {
  await cloudPost(rig, '/users', { uid: UID, name: NAME, email: EMAIL });
  const { token } = await authorizeInClient(rig, { mid: MID, uid: UID, role: 'participant' });
  const template = await api(rig.server, '/api/templates', token, {
    method: 'POST',
    body: JSON.stringify({ draft: choicePoll({}, `${NAME}'s template`) }),
  });
  expect(template.status).toBe(201);
  const personal = await join(rig.server, { mid: undefined as unknown as string, uid: UID, role: 'host' });
  expect((await personal.socket.emitWithAck('poll:create', choicePoll({}, `${NAME}'s draft`))).ok).toBe(true);
  disconnectAll(personal);
  await cloudPost(rig, '/events', {
    event: 'meeting.participant_joined',
    meetingUuid: MID,
    participant: { uid: UID, name: NAME, email: EMAIL },
  });
  await cloudPost(rig, '/events', { event: 'meeting.started', meetingUuid: HOSTED, topic: 'Their own', hostId: UID });
  await cloudPost(rig, '/events', { event: 'meeting.ended', meetingUuid: HOSTED });
  await waitFor(
    () =>
      inspectDb(rig.server.dbPath, (db) =>
        db.prepare("SELECT 1 FROM deliveries WHERE kind = 'email' AND target = ? AND status = 'delivered'").get(EMAIL),
      ),
    5000,
    'the report email',
  );
  const leaver = await join(rig.server, { mid: MID, uid: UID, role: 'participant' });
  const pollId = await launch(host, choicePoll({ allowAnswerChange: false }));
  expect((await vote(leaver, pollId, 'b')).ok).toBe(true);
  await leaver.waitForTally(pollId, (t) => t.turnout === 1);
  // A Q&A question and an upvote of theirs.
  expect((await host.socket.emitWithAck('qa:settings', { enabled: true })).ok).toBe(true);
  const asked = await leaver.socket.emitWithAck('qa:ask', {
    text: 'Mine?',
    anonymous: false,
    clientId: 'leaver-ask-1',
  });
  if (!asked.ok) throw new Error(asked.error.message);
  const questionId = asked.data.question.id;
  const up = { questionId, up: true, clientId: 'leaver-up-1' };
  expect(await leaver.socket.emitWithAck('qa:upvote', up)).toMatchObject({ ok: true });
  return { leaver, pollId, questionId };
}

describe('app_deauthorized (issues 12 and 13 #3)', () => {
  it('erases the user everywhere, voids their token, disconnects their socket with session:revoked, and keeps one ballot', async () => {
    rig = await startCloudRig();
    const host = await join(rig.server, { mid: MID, uid: 'h1', role: 'host' });
    const { leaver, pollId, questionId } = await leaverWithData(host);
    const before = everyTable();
    // Before: they are in the profile, the inbox, attendance, the meeting they host, its delivery, templates, their space.
    expect(before.zoom_users).toContain(EMAIL);
    expect(before.webhook_inbox).toContain(NAME);
    expect(before.attendance).toContain(NAME);
    expect(before.meetings).toContain(UID);
    expect(before.deliveries).toContain(EMAIL);
    expect(before.templates).toContain(UID);
    expect(before.polls).toContain(`personal:${UID}`);
    expect(before.ballots).toContain(`u:${UID}`);
    expect(before.qa_questions).toContain(`u:${UID}`);
    expect(before.qa_upvotes).toContain(`u:${UID}`);

    const revoked = new Promise<SessionRevoked>((resolve) => leaver.socket.once('session:revoked', resolve));
    const closed = new Promise<string>((resolve) => leaver.socket.once('disconnect', resolve));
    await cloudPost(rig, '/events', { event: 'app_deauthorized', userId: UID });
    expect(await revoked).toEqual({ reason: 'deauthorized' });
    expect(await closed).toBe('io server disconnect');
    await waitFor(() => processed() === 4, 5000, 'processing');

    // Nothing of theirs is left: not the id, the name or the email, in any table.
    for (const [table, rows] of Object.entries(everyTable())) {
      for (const theirs of [UID, NAME, EMAIL]) expect(rows, `${table} still holds ${theirs}`).not.toContain(theirs);
    }
    // Their old token no longer answers, over HTTP or for a new socket.
    expect((await api(rig.server, '/api/session', leaver.token)).status).toBe(401);
    const again = io(rig.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { protocolVersion: PROTOCOL_VERSION, token: leaver.token },
    });
    expect(await new Promise<string>((resolve) => again.once('connect_error', (e) => resolve(e.message)))).toBe(
      'UNAUTHENTICATED',
    );
    again.close();

    // Their ballot still counts, once, under a pseudonym; the host's view agrees with the store.
    const stored = inspectDb(rig.server.dbPath, (db) =>
      db.prepare<[string], { voter_id: string }>('SELECT voter_id FROM ballots WHERE poll_id = ?').all(pollId),
    );
    expect(stored).toEqual([{ voter_id: expect.stringMatching(/^x:[A-Za-z0-9_-]{43}$/) }]);
    const { runs } = (await (await api(rig.server, `/api/polls/${pollId}`, host.token)).json()) as {
      runs: { turnout: number }[];
    };
    expect(runs[0]!.turnout).toBe(1);
    expect(rig.cloud.state.complianceReports).toEqual([]);
    // Their question and upvote stay, under the pseudonym, in what a host who joins now sees.
    const laterHost = await join(rig.server, { mid: MID, uid: 'h2', role: 'host' });
    expect(laterHost.snapshot.qa?.questions).toMatchObject([
      { id: questionId, upvotes: 1, askerId: expect.stringMatching(/^x:/) },
    ]);
    disconnectAll(laterHost);

    // They add the app again and try to vote a second time in a poll that forbids changes: refused.
    const back = await join(rig.server, { mid: MID, uid: UID, role: 'participant' });
    const second = await vote(back, pollId, 'c');
    expect(second).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
    expect(
      inspectDb(rig.server.dbPath, (db) =>
        db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE poll_id = ?').get(pollId),
      ),
    ).toEqual({ n: 1 });
    expect(back.tallies.get(pollId)?.turnout).toBe(1);
    disconnectAll(host, back);
  });

  it('calls the Data Compliance API when ZOOM_DATA_COMPLIANCE_CALL is on, and the fake cloud records it', async () => {
    rig = await startCloudRig({ config: { zoomDataComplianceCall: true } });
    await authorizeInClient(rig, { mid: MID, uid: UID, role: 'participant' });
    await cloudPost(rig, '/events', { event: 'app_deauthorized', userId: UID });
    await waitFor(() => rig.cloud.state.complianceReports.length === 1, 5000, 'the compliance call');
    expect(rig.cloud.state.complianceReports[0]).toMatchObject({
      client_id: rig.server.config.zoomClientId,
      user_id: UID,
      account_id: 'sim-account',
      compliance_completed: true,
    });
  });
});
