import { meetingReportViewSchema, type MeetingReportView } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { choicePoll, launch, useTestServer, vote, type Client } from './support/harness';
import { createDraft, get } from './support/requests';
import { postWebhook, waitFor } from './support/zoom-cloud';

const ctx = useTestServer();
const enter = ctx.enter;
const REPORT = '/api/meetings/current/report';

const reportFor = async (host: Client): Promise<MeetingReportView> =>
  meetingReportViewSchema.parse((await get(ctx.server, host, REPORT)).body);

let eventSeq = 0;
/** A signed meeting webhook, as Zoom would send it. */
async function webhook(event: string, object: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({
    event,
    event_ts: Date.now() + eventSeq++,
    payload: { object: { uuid: 'm1', ...object } },
  });
  expect((await postWebhook(ctx.server, body)).status).toBe(200);
}

describe('post-meeting report', () => {
  it('lists every poll and every run with full results and downloads; attendance from the people seen', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const [p, q, r] = await Promise.all(['p', 'q', 'r'].map((uid) => enter({ mid: 'm1', uid })));
    const pollId = await launch(host, choicePoll({ anonymous: true }, 'Lunch'));
    await vote(p!, pollId, 'a');
    await vote(q!, pollId, 'b');
    await host.socket.emitWithAck('poll:close', { pollId });
    await host.socket.emitWithAck('poll:open', { pollId });
    await vote(p!, pollId, 'c');
    const draft = await createDraft(host, choicePoll({}, 'Later'));
    r!.socket.disconnect(); // seen earlier still counts

    const report = await reportFor(host);
    expect(report).toMatchObject({ meetingId: 'm1', topic: null, attendance: { source: 'seen', count: 3 } });
    expect(report.polls.map((x) => [x.poll.title, x.runs.length])).toEqual([
      ['Lunch', 2],
      ['Later', 0],
    ]);
    const [run1, run2] = report.polls[0]!.runs;
    // Anonymous or not, hosts get the full counts of every run; earlier runs stay as they were.
    expect(run1).toMatchObject({ run: 1, tally: { turnout: 2, questions: { q1: { counts: { a: 1, b: 1 } } } } });
    expect(run2).toMatchObject({ run: 2, tally: { turnout: 1, questions: { q1: { counts: { c: 1 } } } } });
    expect(run2!.downloads).toEqual({
      csv: `/api/polls/${pollId}/runs/2/export.csv`,
      summaryCsv: `/api/polls/${pollId}/runs/2/summary.csv`,
      json: `/api/polls/${pollId}/runs/2/export.json`,
    });
    for (const url of Object.values(run1!.downloads)) expect((await get(ctx.server, host, url)).status).toBe(200);
    expect(report.polls[1]!.poll.id).toBe(draft.id);
  });

  it('is for the meeting’s hosts only, and each meeting sees its own', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const participant = await enter({ mid: 'm1', uid: 'p' });
    await launch(host);
    expect((await get(ctx.server, participant, REPORT)).body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await fetch(`${ctx.server.url}${REPORT}`)).status).toBe(401);
    const cohost = await enter({ mid: 'm1', uid: 'c', role: 'co-host' });
    expect((await reportFor(cohost)).polls).toHaveLength(1);
    const elsewhere = await enter({ mid: 'm2', uid: 'h2', role: 'host' });
    expect(await reportFor(elsewhere)).toMatchObject({
      meetingId: 'm2',
      polls: [],
      attendance: { source: 'seen', count: 0 },
    });
  });

  it('takes attendance from Zoom’s participant webhooks when they came, without the host', async () => {
    const host = await enter({ mid: 'm1', uid: 'h', role: 'host' });
    const voter = await enter({ mid: 'm1', uid: 'p' });
    await vote(voter, await launch(host), 'a');
    await webhook('meeting.started', { id: 123, topic: 'Planning', host_id: 'h', start_time: '2026-01-05T10:00:00Z' });
    for (const [id, name] of [
      ['h', 'Host'],
      ['p', 'Pat'],
      ['x', 'Xi'],
      ['y', 'Yan'],
      ['x', 'Xi'],
    ]) {
      await webhook('meeting.participant_joined', { participant: { id, user_name: name } });
    }
    const report = await waitFor(
      async () => {
        const r = await reportFor(host);
        return r.attendance.source === 'webhook' && r.attendance.count === 3 && r;
      },
      5000,
      'webhook attendance in the report',
    );
    expect(report).toMatchObject({ topic: 'Planning', startedAt: Date.parse('2026-01-05T10:00:00Z'), endedAt: null });
    expect(report.polls[0]!.runs[0]!.tally.turnout).toBe(1);
  });
});
