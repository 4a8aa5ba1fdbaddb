import { runExportSchema, type QaUpdate } from '@quorum/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { choicePoll, join, launch, vote } from './support/harness';
import { get } from './support/requests';
import { authorizeInClient, cloudPost, inspectDb, startCloudRig, waitFor, type CloudRig } from './support/zoom-cloud';

const MID = 'mtg-named-exports==';
let rig: CloudRig;
afterEach(async () => rig?.close());

const attendanceRows = () =>
  inspectDb(rig.server.dbPath, (db) => (db.prepare('SELECT COUNT(*) AS n FROM attendance').get() as { n: number }).n);

describe('exports of a named poll (issue 16)', () => {
  it('name each voter as Zoom does (webhook name, profile email), a guest not at all, an anonymous poll nobody', async () => {
    rig = await startCloudRig();
    // Ada authorized Quorum (her profile has an email); Ben only joined (Zoom's webhook names him).
    await cloudPost(rig, '/users', { uid: 'ada', name: 'Ada Lovelace', email: 'ada@sim.zoom.test' });
    await authorizeInClient(rig, { mid: MID, uid: 'ada', role: 'participant' });
    await cloudPost(rig, '/events', {
      event: 'meeting.participant_joined',
      meetingUuid: MID,
      participant: { uid: 'ben', name: 'Ben Okri' },
    });
    await waitFor(() => attendanceRows() >= 1, 5000, 'the attendance row');

    const host = await join(rig.server, { mid: MID, uid: 'host', role: 'host' });
    const voters = await Promise.all(
      [{ uid: 'ada' }, { uid: 'ben' }, {}].map((who) => join(rig.server, { mid: MID, role: 'participant', ...who })),
    );
    const named = await launch(host, choicePoll({}, 'Named'));
    const secret = await launch(host, choicePoll({ anonymous: true }, 'Secret'));
    for (const pollId of [named, secret]) for (const v of voters) expect((await vote(v, pollId, 'a')).ok).toBe(true);

    const csv = (await get(rig.server, host, `/api/polls/${named}/runs/1/export.csv`)).text.split('\r\n');
    expect(csv[0]).toBe('poll,run,question,answer,cast_at,voter,voter_name,voter_email');
    const byVoter = new Map(csv.slice(1, -1).map((line) => [line.split(',')[5], line.split(',').slice(6)]));
    expect(byVoter.get('u:ada')).toEqual(['Ada Lovelace', 'ada@sim.zoom.test']);
    expect(byVoter.get('u:ben')).toEqual(['Ben Okri', '']);
    const guest = [...byVoter.keys()].find((id) => id?.startsWith('g:'));
    expect(byVoter.get(guest)).toEqual(['', '']);

    const json = runExportSchema.parse((await get(rig.server, host, `/api/polls/${named}/runs/1/export.json`)).body);
    expect(json.ballots.find((b) => b.voterId === 'u:ada')).toMatchObject({
      voterName: 'Ada Lovelace',
      voterEmail: 'ada@sim.zoom.test',
    });

    for (const format of ['csv', 'json']) {
      const text = (await get(rig.server, host, `/api/polls/${secret}/runs/1/export.${format}`)).text;
      expect(text).not.toMatch(/Ada|Ben|ada@|voterId|voterName|voterEmail|voter_name|u:ada/i);
    }
  });

  it('names a named question’s asker to the hosts, as Zoom named them, and to nobody else', async () => {
    rig = await startCloudRig();
    for (const [uid, name] of [
      ['ada', 'Ada Lovelace'],
      ['ben', 'Ben Okri'],
    ])
      await cloudPost(rig, '/events', {
        event: 'meeting.participant_joined',
        meetingUuid: MID,
        participant: { uid, name },
      });
    await waitFor(() => attendanceRows() >= 2, 5000, 'the attendance rows');
    const host = await join(rig.server, { mid: MID, uid: 'host', role: 'host' });
    expect(await host.socket.emitWithAck('qa:settings', { enabled: true, anonymousAllowed: true })).toMatchObject({
      ok: true,
    });
    const [ada, ben, cy] = await Promise.all(
      ['ada', 'ben', 'cy'].map((uid) => join(rig.server, { mid: MID, uid, role: 'participant' })),
    );
    const seenByCy: unknown[] = [];
    cy!.socket.onAny((...message: unknown[]) => seenByCy.push(message));
    const latest: { update?: QaUpdate } = {};
    host.socket.on('qa:update', (update) => void (latest.update = update));
    const ask = (c: typeof ada, text: string, anonymous: boolean) =>
      c!.socket.emitWithAck('qa:ask', { text, anonymous, clientId: `c-${text.length}-${anonymous}` });
    expect(await ask(ada, 'Named question?', false)).toMatchObject({ ok: true });
    expect(await ask(ben, 'Secret question?', true)).toMatchObject({ ok: true });
    await waitFor(() => latest.update?.questions.length === 2, 5000, 'both questions at the host');
    const byText = new Map(latest.update!.questions.map((q) => [q.text, q]));
    expect(byText.get('Named question?')).toMatchObject({ askerId: 'u:ada', askerName: 'Ada Lovelace' });
    expect(byText.get('Secret question?')).not.toHaveProperty('askerName');
    // A restarted view (a late host) reads the names with the board.
    const late = await join(rig.server, { mid: MID, uid: 'host', role: 'host' });
    expect(late.snapshot.qa?.questions.find((q) => q.text === 'Named question?')).toMatchObject({
      askerName: 'Ada Lovelace',
    });
    expect(JSON.stringify(seenByCy)).not.toMatch(/Ada|Ben Okri/);
  });
});
