import {
  roomLabel,
  roomNumbers,
  type Poll,
  type PollTally,
  type QaSummary,
  type Question,
  type QuestionTally,
} from '@quorum/shared';
import type { MeetingRecord } from '../store/types';

/**
 * One question's results in the report, by shape: counts per option (choice; Borda points for rank),
 * a mean and the value counts (rating, number), or the most frequent words (open text: never the
 * answers themselves).
 */
export type ReportQuestion = { id: string; prompt: string; kind: string; voters: number } & (
  | { options: { id: string; label: string; count: number }[] }
  | { mean: number | null; counts: Record<string, number> }
  | { topWords: { word: string; count: number }[] }
);

export interface ReportRun {
  run: number;
  turnout: number;
  /**
   * Runs that reached breakout rooms: each room's turnout ("Main room", "Room n" by first ballot); null
   * where an anonymous poll withholds the room (fewer than K voters, or it would reveal such a room).
   */
  rooms?: { room: string; turnout: number | null }[];
  questions: ReportQuestion[];
}

export interface ReportPoll {
  id: string;
  title: string;
  runs: ReportRun[];
}

/**
 * The end-of-meeting summary sent by email and to outgoing webhooks. Aggregates only: no names, no
 * voter ids, no email addresses, so it can leave Quorum without carrying personal data.
 */
export interface MeetingReport {
  meeting: { uuid: string; id: string | null; topic: string; startedAt: string | null; endedAt: string | null };
  participants: number;
  polls: ReportPoll[];
  /** The audience Q&A (counts and the most upvoted questions, never who asked); null when nobody asked. */
  qa: QaSummary | null;
}

const TOP_WORDS = 10;

function reportQuestion(question: Question, tally: QuestionTally | undefined): ReportQuestion {
  const base = { id: question.id, prompt: question.prompt, kind: question.kind as string, voters: tally?.voters ?? 0 };
  const counts: Record<string, number> = tally?.counts ?? {};
  if ('options' in question)
    return { ...base, options: question.options.map((o) => ({ id: o.id, label: o.label, count: counts[o.id] ?? 0 })) };
  if (base.kind === 'text') {
    const top = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_WORDS);
    return { ...base, topWords: top.map(([word, count]) => ({ word, count })) };
  }
  const sum = tally && 'sum' in tally ? tally.sum : 0;
  return { ...base, mean: base.voters > 0 ? Math.round((sum / base.voters) * 100) / 100 : null, counts };
}

/** Each room's turnout, when the run reached breakout rooms (the host's tally carries the rooms). */
function roomTurnout(tally: PollTally): Pick<ReportRun, 'rooms'> {
  if (!tally.rooms) return {};
  const numbers = roomNumbers(tally.rooms.map((r) => r.roomId));
  return { rooms: tally.rooms.map((r) => ({ room: roomLabel(r.roomId, numbers), turnout: r.turnout ?? null })) };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Builds the report from the meeting, its launched polls and the final tally of every run. */
export function buildMeetingReport(
  meeting: MeetingRecord,
  polls: readonly Poll[],
  tallies: readonly PollTally[],
  participants: number,
  qa: QaSummary | null = null,
): MeetingReport {
  const launched = polls.filter((p) => p.run > 0);
  return {
    meeting: {
      uuid: meeting.uuid,
      id: meeting.zoomId,
      topic: meeting.topic ?? 'Zoom meeting',
      startedAt: iso(meeting.startedAt),
      endedAt: iso(meeting.endedAt),
    },
    participants,
    polls: launched.map((poll) => ({
      id: poll.id,
      title: poll.title,
      runs: tallies
        .filter((t) => t.pollId === poll.id)
        .sort((a, b) => a.run - b.run)
        .map((t) => ({
          run: t.run,
          turnout: t.turnout,
          ...roomTurnout(t),
          questions: poll.questions.map((q) => reportQuestion(q, t.questions?.[q.id])),
        })),
    })),
    qa,
  };
}

function questionLines(q: ReportQuestion): string[] {
  const head = `    ${q.prompt} (${q.voters} answered)`;
  if ('options' in q) return [head, ...q.options.map((o) => `      ${o.label}: ${o.count}`)];
  if ('mean' in q) return [head, `      average ${q.mean ?? '–'}`];
  return [head, `      most used words: ${q.topWords.map((w) => `${w.word} (${w.count})`).join(', ') || '–'}`];
}

/** The report as a plain-text email body. */
export function renderReportText(report: MeetingReport): string {
  const lines = [
    `Quorum results for "${report.meeting.topic}"`,
    '',
    `Participants: ${report.participants}`,
    `Polls: ${report.polls.length}`,
    '',
  ];
  for (const poll of report.polls) {
    lines.push(`* ${poll.title}`);
    for (const run of poll.runs) {
      const rooms = run.rooms ? ` (${run.rooms.map((r) => `${r.room}: ${r.turnout ?? 'hidden'}`).join(', ')})` : '';
      lines.push(`  Run ${run.run}: ${run.turnout} voted${rooms}`, ...run.questions.flatMap(questionLines));
    }
    lines.push('');
  }
  if (report.polls.length === 0) lines.push('No poll was launched in this meeting.');
  if (report.qa) lines.push('', ...qaLines(report.qa));
  return lines.join('\n');
}

function qaLines(qa: QaSummary): string[] {
  const { answered, live, waiting } = qa.byStatus;
  return [
    `Audience Q&A: ${qa.asked} questions (${answered} answered, ${live} open, ${waiting} not reviewed), ${qa.upvotes} upvotes`,
    ...qa.top.flatMap((q) => [
      `  ${q.upvotes} ▲ ${q.text}${q.status === 'answered' ? ' (answered)' : ''}`,
      ...(q.reply ? [`      Reply: ${q.reply}`] : []),
    ]),
  ];
}
