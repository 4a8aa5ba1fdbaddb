import { orderQuestions } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { useT } from '../../i18n';
import { mayRun } from '../../realtime/meeting-state';
import { QaHostItem } from './qa-host-item';
import { QaHostSettings } from './qa-host-settings';
import { QaPresentButton } from './qa-present';
import { QaReviewQueue } from './qa-review-queue';
import { useQaView } from './use-qa';

/**
 * The host's Q&A: the settings, the review queue, the live list (Top order, answered ones included)
 * with answer, highlight, reply and archive, and the dismissed ones to restore. Archived questions
 * are gone from view.
 */
export function QaHostPanel() {
  const t = useT();
  const { qa, settings } = useQaView();
  // The host's "only I run polls" covers moderation too: a co-host then reads the questions, nothing more.
  const canRun = mayRun(useMeetingState());
  const all = qa.list?.questions ?? [];
  // The queue is first come, first served; the list is what the audience ranks.
  const waiting = all.filter((q) => q.status === 'waiting').sort((a, b) => a.createdAt - b.createdAt);
  const shown = orderQuestions(
    all.filter((q) => q.status === 'live' || q.status === 'answered'),
    'top',
  );
  const dismissed = all.filter((q) => q.status === 'dismissed');
  return (
    <section className="qa stack" data-testid="qa-host-panel" aria-labelledby="qa-heading">
      <h2 id="qa-heading">{t('qa.heading')}</h2>
      {canRun ? (
        <>
          <QaHostSettings settings={settings} />
          <QaPresentButton enabled={shown.some((q) => q.pinned)} />
          <QaReviewQueue waiting={waiting} />
        </>
      ) : (
        <p className="note" data-testid="qa-host-only">
          {t('qa.hostOnly')}
        </p>
      )}
      {shown.length === 0 && waiting.length === 0 ? (
        <p className="note" data-testid="qa-empty">
          {t('qa.emptyHost')}
        </p>
      ) : (
        <ul className="plain qa-list" data-testid="qa-list">
          {shown.map((q) => (
            <QaHostItem key={q.id} question={q} moderate={canRun} />
          ))}
        </ul>
      )}
      {canRun && dismissed.length > 0 && (
        <details className="panel" data-testid="qa-dismissed">
          <summary>{t('qa.dismissedCount', { count: dismissed.length })}</summary>
          <ul className="plain qa-list">
            {dismissed.map((q) => (
              <QaHostItem key={q.id} question={q} moderate={canRun} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
