import { meetingReportViewSchema, type QaModerate } from '@quorum/shared';
import { describe, expect, it } from 'vitest';
import { ballotId, useTestServer, type Client } from './support/harness';
import { get } from './support/requests';

const ctx = useTestServer();

async function ask(c: Client, text: string, anonymous = false): Promise<string> {
  const r = await c.socket.emitWithAck('qa:ask', { text, anonymous, clientId: ballotId() });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.question.id;
}

const upvote = (c: Client, questionId: string) =>
  c.socket.emitWithAck('qa:upvote', { questionId, up: true, clientId: ballotId() });

describe('audience Q&A in exports and the report (issue 17)', () => {
  it('exports every question to hosts, the asker of named ones only, and summarizes it in the report', async () => {
    const host = await ctx.enter({ mid: 'qa-x', uid: 'host', role: 'host' });
    expect(await host.socket.emitWithAck('qa:settings', { enabled: true, anonymousAllowed: true })).toMatchObject({
      ok: true,
    });
    const [ada, ben, cy] = await Promise.all(['ada', 'ben', 'cy'].map((uid) => ctx.enter({ mid: 'qa-x', uid })));
    const launch = await ask(ada!, 'When is the launch?');
    const secret = await ask(ben!, 'Is the reorg real?', true);
    const gone = await ask(cy!, 'Off topic', false);
    for (const voter of [ben!, cy!]) expect(await upvote(voter, launch)).toMatchObject({ ok: true });
    expect(await upvote(ada!, secret)).toMatchObject({ ok: true });
    const moderations: QaModerate[] = [
      { action: 'answer', questionIds: [launch] },
      { action: 'reply', questionId: launch, reply: 'In March' },
      { action: 'dismiss', questionIds: [gone] },
    ];
    for (const moderation of moderations)
      expect(await host.socket.emitWithAck('qa:moderate', moderation)).toMatchObject({ ok: true });

    const csv = (await get(ctx.server, host, '/api/meetings/current/qa/export.csv')).text.trim().split('\r\n');
    expect(csv[0]).toBe('question,status,upvotes,pinned,reply,asked_at,edited_at,room,asker,asker_name,asker_email');
    const rows = csv.slice(1).map((line) => line.split(','));
    // Most upvoted first; the anonymous question carries no asker; dismissed ones are exported too.
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[8]])).toEqual([
      ['When is the launch?', 'answered', '2', 'In March', 'u:ada'],
      ['Is the reorg real?', 'live', '1', '', ''],
      ['Off topic', 'dismissed', '0', '', 'u:cy'],
    ]);
    const json = await get(ctx.server, host, '/api/meetings/current/qa/export.json');
    expect(json.text).not.toContain('u:ben');
    expect((json.body as { questions: unknown[] }).questions).toHaveLength(3);

    for (const path of ['/api/meetings/current/qa/export.csv', '/api/meetings/current/qa/export.json'])
      expect((await get(ctx.server, ada!, path)).status).toBe(403);

    const report = meetingReportViewSchema.parse((await get(ctx.server, host, '/api/meetings/current/report')).body);
    expect(report.qa?.summary).toEqual({
      asked: 3,
      byStatus: { waiting: 0, live: 1, answered: 1, dismissed: 1, archived: 0 },
      upvotes: 3,
      // A dismissed question is counted but never quoted.
      top: [
        { text: 'When is the launch?', upvotes: 2, status: 'answered', reply: 'In March' },
        { text: 'Is the reorg real?', upvotes: 1, status: 'live', reply: null },
      ],
    });
    const other = await ctx.enter({ mid: 'qa-none', uid: 'h2', role: 'host' });
    expect(meetingReportViewSchema.parse((await get(ctx.server, other, '/api/meetings/current/report')).body).qa).toBe(
      null,
    );
  });
});
