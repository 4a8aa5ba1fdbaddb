import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { richText, useT } from '../i18n';
import { MIN_ZOOM_CLIENT_VERSION } from '../zoom/capabilities';

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

/** A Zoom client framed the page but never answered config: what to check, and a way to try again. */
export function ZoomUnavailablePage({
  detail,
  attempts,
  onRetry,
}: {
  detail: string;
  attempts: number;
  onRetry: () => void;
}) {
  const t = useT();
  return (
    <NoticePage
      title={t('zoomUnavailable.title')}
      testId="zoom-unavailable"
      action={{ label: t('common.tryAgain'), onClick: onRetry }}
    >
      <p>{t('zoomUnavailable.body', { attempts })}</p>
      <h2>{t('zoomUnavailable.check')}</h2>
      <ol>
        <li>
          <FormattedMessage id="zoomUnavailable.step1" values={richText} />
        </li>
        <li>{t('zoomUnavailable.step2', { version: MIN_ZOOM_CLIENT_VERSION })}</li>
        <li>{t('zoomUnavailable.step3', { origin: window.location.origin })}</li>
        <li>{t('zoomUnavailable.step4')}</li>
      </ol>
      <p className="state-detail">{detail}</p>
    </NoticePage>
  );
}

/** Zoom opened the app in a running context where polls have no place (chat, phone, mail…). */
export function UnsupportedContextPage({ context }: { context: string }) {
  const t = useT();
  return (
    <NoticePage title={t('unsupportedContext.title')} testId="unsupported-context">
      <p>
        <FormattedMessage id="unsupportedContext.body" values={{ ...richText, context }} />
      </p>
    </NoticePage>
  );
}
