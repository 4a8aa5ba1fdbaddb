import { describe, expect, it } from 'vitest';
import type { Poll, PollTally } from '@quorum/shared';
import type { MeetingRecord } from '../store/types';
import { summarizeQa, type QaQuestion } from '@quorum/shared';
import { buildMeetingReport, renderReportText } from './meeting-report';

const meeting: MeetingRecord = {
  uuid: 'm==',
  zoomId: '123',
  topic: 'Team sync',
  hostId: null,
  status: 'ended',
  startedAt: 0,
  endedAt: 60_000,
};
const poll = {
  id: 'p1',
  meetingId: 'm==',
  title: 'Lunch?',
  run: 1,
  status: 'closed',
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: 'Where?',
      options: [
        { id: 'a', label: 'Noodles' },
        { id: 'b', label: 'Tacos' },
      ],
    },
  ],
} as unknown as Poll;
const tally = (extra: Partial<PollTally>): PollTally => ({
  pollId: 'p1',
  run: 1,
  version: 3,
  turnout: 3,
  questions: { q1: { kind: 'choice', voters: 3, counts: { a: 2, b: 1 } } },
  ...extra,
});

describe('meeting report', () => {
  it('gives each breakout room its turnout, in order of first ballot, when the run reached rooms', () => {
    const rooms = [
      { roomId: 'r-green', turnout: 2 },
      { roomId: null, turnout: 1 },
    ];
    const report = buildMeetingReport(meeting, [poll], [tally({ rooms })], 5);
    expect(report.polls[0]?.runs[0]?.rooms).toEqual([
      { room: 'Room 1', turnout: 2 },
      { room: 'Main room', turnout: 1 },
    ]);
    expect(renderReportText(report)).toContain('Run 1: 3 voted (Room 1: 2, Main room: 1)');
  });

  it('says nothing about rooms for a meeting that did not use them', () => {
    const report = buildMeetingReport(meeting, [poll], [tally({})], 5);
    expect(report.polls[0]?.runs[0]).not.toHaveProperty('rooms');
    expect(renderReportText(report)).toContain('Run 1: 3 voted\n');
  });

  it('carries the audience Q&A: counts and the most upvoted questions with replies, never who asked', () => {
    const question = (id: string, text: string, status: QaQuestion['status'], reply: string | null = null) => ({
      id,
      meetingId: 'm1',
      text,
      askerId: `u:asker-${id}`,
      anonymous: false,
      status,
      pinned: false,
      reply,
      createdAt: Number(id.slice(1)),
      editedAt: null,
      clientId: `c${id}`,
    });
    const questions = [question('q1', 'Budget?', 'answered', 'Approved'), question('q2', 'Spam', 'dismissed')];
    const qa = summarizeQa(questions, new Map([['q1', new Set(['u:a', 'u:b'])]]));
    const report = buildMeetingReport(meeting, [poll], [tally({})], 5, qa);
    expect(report.qa).toMatchObject({ asked: 2, upvotes: 2, top: [{ text: 'Budget?', upvotes: 2 }] });
    expect(JSON.stringify(report)).not.toContain('asker');
    expect(renderReportText(report)).toContain(
      'Audience Q&A: 2 questions (1 answered, 0 open, 0 not reviewed), 2 upvotes\n  2 ▲ Budget? (answered)\n      Reply: Approved',
    );
    expect(buildMeetingReport(meeting, [poll], [tally({})], 5).qa).toBeNull();
    expect(summarizeQa([], new Map())).toBeNull();
  });
});
