import type { MeetingReportRun, Poll, ReportAttendance } from '@quorum/shared';
import { RunExportLinks } from '../host/export-links';
import { PollResults } from '../results/poll-results';
import type { ReportApi } from './report-api';

/** "67 % of the 3 people who attended", or nothing when nobody was counted. */
export function turnoutShare(turnout: number, attendance: ReportAttendance): string | null {
  if (attendance.count === 0) return null;
  const pct = Math.round((turnout / attendance.count) * 100);
  return `${pct} % of the ${attendance.count} ${attendance.count === 1 ? 'person' : 'people'} who attended`;
}

interface ReportRunProps {
  poll: Poll;
  run: MeetingReportRun;
  attendance: ReportAttendance;
  api: ReportApi;
}

/** One run of a poll: its results as charts, turnout against attendance, and its downloads. */
export function ReportRunView({ poll, run, attendance, api }: ReportRunProps) {
  // Only the current run can still be open; earlier ones are over.
  const asOfRun: Poll = run.run === poll.run ? poll : { ...poll, status: 'closed', run: run.run };
  const share = turnoutShare(run.tally.turnout, attendance);

  return (
    <section className="report-run" data-testid="report-run" data-run={run.run} aria-label={`${poll.title}, run ${run.run}`}>
      <h4>Run {run.run}</h4>
      {share && <p className="note" data-testid="turnout-share">{share}</p>}
      <PollResults poll={asOfRun} tally={run.tally} role="host" participants={attendance.count} />
      <RunExportLinks poll={poll} run={run.run} urls={run.downloads} download={api.download} caption="Download:" />
    </section>
  );
}
