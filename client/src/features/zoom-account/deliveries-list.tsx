import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveryView } from '@quorum/shared';
import { useT, type MessageId, type Translate } from '../../i18n';
import type { ZoomCloudApi } from './zoom-cloud-api';

/** How often, and how many times, to look again while the report is still on its way. */
const RECHECK_MS = 2000;
const MAX_RECHECKS = 15;

const KIND_LABELS: Record<DeliveryView['kind'], MessageId> = { email: 'delivery.email', webhook: 'delivery.webhook' };

function outcome(t: Translate, d: DeliveryView): string {
  const values = { count: d.attempts, error: d.lastError ?? '', hasError: Boolean(d.lastError) };
  switch (d.status) {
    case 'delivered':
      return t('delivery.delivered', values);
    case 'pending':
      return t(d.attempts > 0 ? 'delivery.retrying' : 'delivery.sending', values);
    case 'skipped':
      return t('delivery.skipped', values);
    case 'failed':
      return t('delivery.failed', values);
  }
}

/** Loads the deliveries, and looks again while nothing has arrived yet or something is still pending. */
function useDeliveries(api: ZoomCloudApi) {
  const [deliveries, setDeliveries] = useState<DeliveryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const rechecks = useRef(MAX_RECHECKS);
  const t = useT();
  const load = useCallback(async () => {
    try {
      const list = await api.deliveries();
      setDeliveries(list);
      setError(null);
      return list;
    } catch (e) {
      setError(e instanceof Error ? e.message : t('delivery.loadFailed'));
      return null;
    }
  }, [api, t]);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void load().then((list) => {
      const settled = list !== null && list.length > 0 && list.every((d) => d.status !== 'pending');
      if (alive && !settled && rechecks.current-- > 0) timer = setTimeout(() => setTick((t) => t + 1), RECHECK_MS);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [load, tick]);

  const reload = () => {
    rechecks.current = MAX_RECHECKS;
    setTick((t) => t + 1);
  };
  return { deliveries, error, reload };
}

/** The meeting report's email and outgoing webhooks, each with its outcome (hosts only). */
export function DeliveriesList({ api }: { api: ZoomCloudApi }) {
  const { deliveries, error, reload } = useDeliveries(api);
  const t = useT();
  return (
    <div className="deliveries" data-testid="deliveries">
      {error && <p className="error">{error}</p>}
      {deliveries?.length === 0 && <p className="note">{t('delivery.none')}</p>}
      {deliveries && deliveries.length > 0 && (
        <ul className="plain">
          {deliveries.map((d) => (
            <li key={d.id} data-testid="delivery" data-kind={d.kind} data-status={d.status}>
              {t(KIND_LABELS[d.kind])} <span className="grow">{d.target}</span>: {outcome(t, d)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={reload}>
        {t('common.refresh')}
      </button>
    </div>
  );
}
