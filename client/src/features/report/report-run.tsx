import type { MouseEvent } from 'react';
import type { MeetingReportRun, Poll, ReportAttendance, RunDownloads } from '@quorum/shared';
import { useAnnounce } from '../../components/announcer';
import { fileNameOf } from '../../session/download';
import { PollResults } from '../results/poll-results';
import type { ReportApi } from './report-api';

const DOWNLOADS: { key: keyof RunDownloads; label: string; suffix: string }[] = [
  { key: 'csv', label: 'CSV', suffix: '.csv' },
  { key: 'summaryCsv', label: 'Summary CSV', suffix: '-summary.csv' },
  { key: 'json', label: 'JSON', suffix: '.json' },
];

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
  const announce = useAnnounce();
  // Only the current run can still be open; earlier ones are over.
  const asOfRun: Poll = run.run === poll.run ? poll : { ...poll, status: 'closed', run: run.run };
  const share = turnoutShare(run.tally.turnout, attendance);

  const download = (event: MouseEvent<HTMLAnchorElement>, path: string, name: string) => {
    event.preventDefault();
    api.download(path, name).catch((error: unknown) => announce(`The download failed (${error instanceof Error ? error.message : 'network error'}).`));
  };

  return (
    <section className="report-run" data-testid="report-run" data-run={run.run} aria-label={`${poll.title}, run ${run.run}`}>
      <h4>Run {run.run}</h4>
      {share && <p className="note" data-testid="turnout-share">{share}</p>}
      <PollResults poll={asOfRun} tally={run.tally} role="host" participants={attendance.count} />
      <p className="exports">
        Download:{' '}
        {DOWNLOADS.map(({ key, label, suffix }) => {
          const name = fileNameOf(poll.title, `-run-${run.run}${suffix}`);
          return (
            <a key={key} href={run.downloads[key]} download={name} onClick={(e) => download(e, run.downloads[key], name)} aria-label={`Download ${label} of ${poll.title}, run ${run.run}`}>
              {label}
            </a>
          );
        })}
      </p>
    </section>
  );
}
