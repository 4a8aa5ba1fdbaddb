import { useCallback, useEffect, useState } from 'react';
import type { MeetingReportView } from '@quorum/shared';
import type { ReportApi } from './report-api';
import { ReportRunView } from './report-run';

const SOURCE_TEXT = { webhook: 'as Zoom reported them', seen: 'seen by Quorum: voters and everyone who opened it' } as const;

function useReport(api: ReportApi) {
  const [report, setReport] = useState<MeetingReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.load().then(
      (loaded) => {
        setReport(loaded);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'The report could not be loaded.'),
    );
  }, [api]);
  useEffect(load, [load]);
  return { report, error, reload: load };
}

/** The host's report of the meeting: every poll and run with its charts, turnout against attendance, and downloads. */
export function ReportView({ api }: { api: ReportApi }) {
  const { report, error, reload } = useReport(api);
  const launched = report?.polls.filter((p) => p.runs.length > 0) ?? [];
  const drafts = (report?.polls.length ?? 0) - launched.length;
  return (
    <section className="report" data-testid="meeting-report" aria-labelledby="meeting-report-heading">
      <h2 id="meeting-report-heading">Meeting report{report?.topic ? `: ${report.topic}` : ''}</h2>
      {error && <p className="error">{error}</p>}
      {!report && !error && <p aria-busy="true">Loading the report…</p>}
      {report && (
        <>
          <p data-testid="attendance" data-count={report.attendance.count} data-source={report.attendance.source}>
            Attendance: {report.attendance.count} ({SOURCE_TEXT[report.attendance.source]})
          </p>
          {launched.length === 0 && <p className="empty">No poll was launched in this meeting.</p>}
          {launched.map(({ poll, runs }) => (
            <article key={poll.id} className="card" data-testid="report-poll" aria-labelledby={`report-${poll.id}`}>
              <h3 id={`report-${poll.id}`}>{poll.title}</h3>
              {runs.map((run) => (
                <ReportRunView key={run.run} poll={poll} run={run} attendance={report.attendance} api={api} />
              ))}
            </article>
          ))}
          {drafts > 0 && <p className="note">{drafts} draft(s) never launched.</p>}
        </>
      )}
      <button type="button" className="link" onClick={reload}>
        Refresh
      </button>
    </section>
  );
}
