import {
  summarizeQa,
  type MeetingReportView,
  type Poll,
  type PollTally,
  type ReportAttendance,
  type RunDownloads,
} from '@quorum/shared';
import type { MeetingRecord, Store } from '../store/types';

/** What the report is built from; the realtime layer supplies the tallies and the people it saw. */
export interface ReportViewDeps {
  store: Store;
  /** One run's full tally, as a host sees it. */
  runTally(poll: Poll, run: number): Promise<PollTally>;
  /** Voter ids of the non-host sessions that opened Quorum in the meeting (earlier or now). */
  sessionsSeen(meetingId: string): Promise<string[]>;
  now?: () => number;
}

/** Where the existing export routes serve one run. */
export function runDownloads(pollId: string, run: number): RunDownloads {
  const base = `/api/polls/${encodeURIComponent(pollId)}/runs/${run}`;
  return { csv: `${base}/export.csv`, summaryCsv: `${base}/summary.csv`, json: `${base}/export.json` };
}

/** Where the Q&A exports are (see routes/qa-exports.ts). */
export const QA_DOWNLOADS = {
  csv: '/api/meetings/current/qa/export.csv',
  json: '/api/meetings/current/qa/export.json',
};

async function qaOf(store: Store, meetingId: string): Promise<MeetingReportView['qa']> {
  const { questions, upvoters } = await store.qa.load(meetingId);
  const summary = summarizeQa(questions, upvoters);
  return summary && { summary, downloads: QA_DOWNLOADS };
}

/** Everyone who cast a ballot in any run of these polls. */
async function distinctVoters(store: Store, polls: readonly Poll[]): Promise<Set<string>> {
  const voters = new Set<string>();
  for (const poll of polls) {
    for (let run = 1; run <= poll.run; run++)
      (await store.ballots.listForRun(poll.id, run)).forEach((b) => voters.add(b.voterId));
  }
  return voters;
}

/** People Zoom's webhooks saw join, without the meeting's Zoom host (hosts run polls, they do not vote). */
async function webhookAttendance(store: Store, meeting: MeetingRecord | undefined, meetingId: string): Promise<number> {
  const rows = await store.meetings.listAttendance(meetingId);
  const hostId = meeting?.hostId ?? null;
  const joined = rows.filter((r) => r.kind === 'joined' && (hostId === null || r.userId !== hostId));
  return new Set(joined.map((r) => r.participantKey)).size;
}

/**
 * Attendance as documented on `reportAttendanceSchema`: the webhook count when there is one, else the
 * voters plus the sessions seen; never below the number of distinct voters.
 */
async function attendanceOf(
  deps: ReportViewDeps,
  meeting: MeetingRecord | undefined,
  meetingId: string,
  polls: readonly Poll[],
): Promise<ReportAttendance> {
  const voters = await distinctVoters(deps.store, polls);
  const fromWebhooks = await webhookAttendance(deps.store, meeting, meetingId);
  if (fromWebhooks > 0) return { count: Math.max(fromWebhooks, voters.size), source: 'webhook' };
  const seen = new Set([...voters, ...(await deps.sessionsSeen(meetingId))]);
  return { count: seen.size, source: 'seen' };
}

/** The host's report of one meeting: every poll, every run with its full tally and downloads, and attendance. */
export async function buildReportView(deps: ReportViewDeps, meetingId: string): Promise<MeetingReportView> {
  const [polls, meeting] = await Promise.all([
    deps.store.polls.listByMeeting(meetingId),
    deps.store.meetings.get(meetingId),
  ]);
  const reported = [];
  for (const poll of polls) {
    const runs = [];
    for (let run = 1; run <= poll.run; run++)
      runs.push({ run, tally: await deps.runTally(poll, run), downloads: runDownloads(poll.id, run) });
    reported.push({ poll, runs });
  }
  return {
    meetingId,
    topic: meeting?.topic ?? null,
    startedAt: meeting?.startedAt ?? null,
    endedAt: meeting?.endedAt ?? null,
    generatedAt: (deps.now ?? Date.now)(),
    attendance: await attendanceOf(deps, meeting, meetingId, polls),
    polls: reported,
    qa: await qaOf(deps.store, meetingId),
  };
}
