import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { richText, useT } from '../i18n';

interface NoticePageProps {
  title: string;
  children: ReactNode;
  testId?: string;
  action?: { label: string; onClick: () => void };
}

/** A full-panel message (loading, errors, "open from Zoom") in place of the app. */
export function NoticePage({ title, children, testId, action }: NoticePageProps) {
  return (
    <main className="notice" data-testid={testId}>
      <h1>{title}</h1>
      {children}
      {action && (
        <button type="button" className="primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </main>
  );
}

/** Shown when no Zoom client (or simulator) hosts the page, instead of a blank screen. */
export function NotInZoomPage() {
  const t = useT();
  const simUrl = `${window.location.origin}/sim`;
  return (
    <NoticePage title={t('notInZoom.title')} testId="not-in-zoom">
      <p>{t('notInZoom.body')}</p>
      <h2>{t('notInZoom.inZoom')}</h2>
      <ol>
        <li>{t('notInZoom.step1')}</li>
        <li>
          <FormattedMessage id="notInZoom.step2" values={richText} />
        </li>
        <li>
          <FormattedMessage id="notInZoom.step3" values={richText} />
        </li>
      </ol>
      <h2>{t('notInZoom.dev')}</h2>
      <p>
        <FormattedMessage id="notInZoom.devSteps" values={{ ...richText, link: <a href={simUrl}>{simUrl}</a> }} />
      </p>
    </NoticePage>
  );
}
