import type { MeetingReportView } from '@quorum/shared';
import { useT } from '../../i18n';
import type { ReportApi } from './report-api';

type ReportQa = NonNullable<MeetingReportView['qa']>;

const FORMATS = [
  { key: 'csv', label: 'CSV' },
  { key: 'json', label: 'JSON' },
] as const;

/** The report's audience Q&A: counts, the most upvoted questions with their answers, and the full export. */
export function ReportQaView({ qa, api }: { qa: ReportQa; api: ReportApi }) {
  const t = useT();
  const { summary, downloads } = qa;
  return (
    <article className="card" data-testid="report-qa" aria-labelledby="report-qa-heading">
      <h3 id="report-qa-heading">{t('report.qa.heading')}</h3>
      <p>
        {t('report.qa.counts', { asked: summary.asked, answered: summary.byStatus.answered, upvotes: summary.upvotes })}
      </p>
      {summary.top.length > 0 && (
        <>
          <h4>{t('report.qa.top')}</h4>
          <ol className="report-qa-top">
            {summary.top.map((q, i) => (
              <li key={i}>
                <span>{q.text}</span>{' '}
                <span className="note">
                  {t('report.qa.upvotes', { count: q.upvotes })}
                  {q.status === 'answered' ? ` · ${t('report.qa.answered')}` : ''}
                </span>
                {q.reply && <p className="note">{t('report.qa.reply', { reply: q.reply })}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        {t('report.download')}{' '}
        {FORMATS.map(({ key, label }) => (
          <a
            key={key}
            href={downloads[key]}
            download={`quorum-qa.${key}`}
            aria-label={t('report.qa.download', { format: label })}
            onClick={(e) => {
              e.preventDefault();
              void api.download(downloads[key], `quorum-qa.${key}`);
            }}
          >
            {label}{' '}
          </a>
        ))}
      </p>
    </article>
  );
}
