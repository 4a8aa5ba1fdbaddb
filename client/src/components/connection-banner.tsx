import { useT } from '../i18n';

interface ConnectionBannerProps {
  status: 'online' | 'connecting' | 'offline';
  /** Why the app is offline, when the link knows (e.g. the session expired). */
  detail?: string | undefined;
  /** Ballots cast but not yet acknowledged: they go out on reconnect. */
  pending: number;
}

/** Says the app is reconnecting or offline, and how many votes wait to be sent; nothing while online. */
export function ConnectionBanner({ status, detail, pending }: ConnectionBannerProps) {
  const t = useT();
  if (status === 'online') return null;
  const text = status === 'connecting' ? t('connection.reconnecting') : (detail ?? t('connection.offline'));
  return (
    <p className={`banner banner-${status}`} data-testid="connection-banner" data-status={status} data-pending={pending}>
      <span className="banner-icon" aria-hidden="true" />
      <span className="banner-text">{text}</span>
      {pending > 0 && <span className="banner-pending">{t('connection.pending', { count: pending })}</span>}
    </p>
  );
}
