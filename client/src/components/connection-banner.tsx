import { useT } from '../i18n';

interface ConnectionBannerProps {
  status: 'online' | 'connecting' | 'offline';
  /** Why the app is offline or reconnecting, when the link knows (e.g. the server is restarting). */
  detail?: string | undefined;
  /** Ballots cast but not yet acknowledged: they go out on reconnect. */
  pending: number;
  /** *Reconnect now*: skips the wait between automatic attempts (or tries again after a final refusal). */
  onReconnect?: (() => void) | undefined;
}

/** Says the app is reconnecting or offline, how many votes wait to be sent, and offers *Reconnect now*; nothing while online. */
export function ConnectionBanner({ status, detail, pending, onReconnect }: ConnectionBannerProps) {
  const t = useT();
  if (status === 'online') return null;
  const text = detail ?? (status === 'connecting' ? t('connection.reconnecting') : t('connection.offline'));
  return (
    <p
      className={`banner banner-${status}`}
      data-testid="connection-banner"
      data-status={status}
      data-pending={pending}
    >
      <span className="banner-icon" aria-hidden="true" />
      <span className="banner-text">{text}</span>
      {pending > 0 && <span className="banner-pending">{t('connection.pending', { count: pending })}</span>}
      {onReconnect && (
        <button type="button" className="banner-action" onClick={onReconnect}>
          {t('connection.reconnectNow')}
        </button>
      )}
    </p>
  );
}
