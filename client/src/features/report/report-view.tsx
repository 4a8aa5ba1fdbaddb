import { useCallback, useEffect, useState } from 'react';
import type { MeetingReportView } from '@quorum/shared';
import { LoadingState } from '../../components/loading-state';
import { useT, type MessageId } from '../../i18n';
import type { ReportApi } from './report-api';
import { ReportQaView } from './report-qa';
import { ReportRunView } from './report-run';

const SOURCE_TEXT: Record<'webhook' | 'seen', MessageId> = {
  webhook: 'report.source.webhook',
  seen: 'report.source.seen',
};

function useReport(api: ReportApi) {
  const [report, setReport] = useState<MeetingReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const load = useCallback(() => {
    api.load().then(
      (loaded) => {
        setReport(loaded);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : t('report.loadFailed')),
    );
  }, [api, t]);
  useEffect(load, [load]);
  return { report, error, reload: load };
}

/** The host's report of the meeting: every poll and run with its charts, turnout against attendance, and downloads. */
export function ReportView({ api }: { api: ReportApi }) {
  const { report, error, reload } = useReport(api);
  const launched = report?.polls.filter((p) => p.runs.length > 0) ?? [];
  const drafts = (report?.polls.length ?? 0) - launched.length;
  const t = useT();
  return (
    <section className="report" data-testid="meeting-report" aria-labelledby="meeting-report-heading">
      <h2 id="meeting-report-heading">
        {report?.topic ? t('report.headingTopic', { topic: report.topic }) : t('report.heading')}
      </h2>
      {error && <p className="error">{error}</p>}
      {!report && !error && <LoadingState label={t('report.loading')} />}
      {report && (
        <>
          <p data-testid="attendance" data-count={report.attendance.count} data-source={report.attendance.source}>
            {t('report.attendance', {
              count: report.attendance.count,
              source: t(SOURCE_TEXT[report.attendance.source]),
            })}
          </p>
          {launched.length === 0 && <p className="empty">{t('report.none')}</p>}
          {launched.map(({ poll, runs }) => (
            <article key={poll.id} className="card" data-testid="report-poll" aria-labelledby={`report-${poll.id}`}>
              <h3 id={`report-${poll.id}`}>{poll.title}</h3>
              {runs.map((run) => (
                <ReportRunView key={run.run} poll={poll} run={run} attendance={report.attendance} api={api} />
              ))}
            </article>
          ))}
          {drafts > 0 && <p className="note">{t('report.drafts', { count: drafts })}</p>}
          {report.qa && <ReportQaView qa={report.qa} api={api} />}
        </>
      )}
      <button type="button" className="link" onClick={reload}>
        {t('common.refresh')}
      </button>
    </section>
  );
}
