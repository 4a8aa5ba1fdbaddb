import type { MeetingReportRun, Poll, ReportAttendance } from '@quorum/shared';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';
import { RunExportLinks } from '../host/export-links';
import { PollResults } from '../results/poll-results';
import type { ReportApi } from './report-api';

/** "67% of the 3 people who attended", or nothing when nobody was counted. */
export function turnoutShare(intl: IntlShape, turnout: number, attendance: ReportAttendance): string | null {
  if (attendance.count === 0) return null;
  return intl.formatMessage(
    { id: 'report.turnoutShare' },
    { share: turnout / attendance.count, count: attendance.count },
  );
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
  const intl = useIntl();
  const share = turnoutShare(intl, run.tally.turnout, attendance);

  return (
    <section
      className="report-run"
      data-testid="report-run"
      data-run={run.run}
      aria-label={intl.formatMessage({ id: 'report.runOf' }, { title: poll.title, run: run.run })}
    >
      <h4>{intl.formatMessage({ id: 'runs.run' }, { run: run.run })}</h4>
      {share && (
        <p className="note" data-testid="turnout-share">
          {share}
        </p>
      )}
      <PollResults poll={asOfRun} tally={run.tally} role="host" participants={attendance.count} />
      <RunExportLinks
        poll={poll}
        run={run.run}
        urls={run.downloads}
        download={api.download}
        caption={intl.formatMessage({ id: 'report.download' })}
      />
    </section>
  );
}
