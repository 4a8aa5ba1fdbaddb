import { describe, expect, it } from 'vitest';
import type { Poll, PollTally } from '@quorum/shared';
import type { MeetingRecord } from '../store/types';
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
});
