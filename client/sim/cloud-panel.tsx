import { useEffect, useState } from 'react';
import type { SimOutbox } from '@quorum/shared';
import { useSim } from './use-sim';
import type { ZoomCloudClient } from './zoom-cloud-client';

/** How often the open panel asks the fake cloud what it caught. */
const POLL_MS = 2000;
/** Newest first, and only this many of each kind: the outbox keeps everything. */
const SHOWN = 20;

const time = (at: number) => new Date(at).toLocaleTimeString();
const newest = <T,>(items: readonly T[]): T[] => items.slice(-SHOWN).reverse();

/** Polls the outbox while `active` and the page is visible. */
function useOutbox(cloud: ZoomCloudClient, active: boolean) {
  const [outbox, setOutbox] = useState<SimOutbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let alive = true;
    const load = () =>
      cloud.outbox().then(
        (o) => alive && (setOutbox(o), setError(null)),
        (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [cloud, active]);
  return { outbox, error };
}

function Emails({ emails }: { emails: SimOutbox['emails'] }) {
  return (
    <section aria-labelledby="cloud-emails">
      <h3 id="cloud-emails">Emails caught ({emails.length})</h3>
      <ul className="cloud-list">
        {newest(emails).map((m) => (
          <li key={m.id} data-testid="cloud-email" data-subject={m.subject}>
            <details>
              <summary>
                {time(m.at)} · {m.subject} → {m.to.join(', ')}
              </summary>
              <pre>{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OutgoingWebhooks({ webhooks }: { webhooks: SimOutbox['webhooks'] }) {
  return (
    <section aria-labelledby="cloud-outgoing">
      <h3 id="cloud-outgoing">Quorum’s outgoing webhooks ({webhooks.length})</h3>
      <ul className="cloud-list">
        {newest(webhooks).map((w) => (
          <li key={w.id} data-testid="cloud-webhook" data-status={w.status} data-signature-valid={w.signatureValid}>
            <details>
              <summary>
                {time(w.at)} · /hooks/{w.name} answered {w.status} · signature {w.signatureValid ? 'valid' : 'INVALID'}
              </summary>
              <pre>{JSON.stringify(w.body, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SentEvents({ events }: { events: SimOutbox['sentEvents'] }) {
  return (
    <section aria-labelledby="cloud-sent">
      <h3 id="cloud-sent">Zoom webhooks sent to Quorum ({events.length})</h3>
      <ul className="cloud-list">
        {newest(events).map((e) => (
          <li key={e.id} data-testid="cloud-event" data-event={e.event} data-delivered={e.delivered}>
            <code>{e.event}</code> {e.delivered ? 'delivered' : e.pendingRetry ? 'retry pending' : 'not delivered'}:{' '}
            {e.attempts.map((a) => `${time(a.at)} ${a.status ?? a.error ?? '…'}`).join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the fake Zoom cloud caught (the app's email and outgoing webhooks) and the webhooks it sent. */
export function CloudPanel() {
  const { cloud } = useSim();
  const [open, setOpen] = useState(false);
  const { outbox, error } = useOutbox(cloud, open);
  return (
    <details className="cloud" data-testid="zoom-cloud" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Zoom cloud</summary>
      {error && <p className="cloud-error">The fake cloud did not answer: {error}</p>}
      {outbox && (
        <>
          <Emails emails={outbox.emails} />
          <OutgoingWebhooks webhooks={outbox.webhooks} />
          <SentEvents events={outbox.sentEvents} />
        </>
      )}
    </details>
  );
}
