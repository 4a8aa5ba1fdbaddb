import type { QaOrder } from '@quorum/shared';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n';
import { QaAskForm } from './qa-ask-form';
import { QaQuestionItem } from './qa-question-item';
import { useOrderedQuestions, useQaView } from './use-qa';

const ORDERS = [
  ['top', 'qa.order.top'],
  ['recent', 'qa.order.recent'],
] as const;

/** Top | Recent: a segmented pair of toggle buttons, one pressed. */
export function QaOrderToggle({ order, onChange }: { order: QaOrder; onChange: (order: QaOrder) => void }) {
  const t = useT();
  return (
    <div className="segmented" role="group" aria-label={t('qa.order.label')} data-testid="qa-order">
      {ORDERS.map(([id, label]) => (
        <button key={id} type="button" aria-pressed={order === id} data-order={id} onClick={() => onChange(id)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}

/** A participant's Q&A: ask (unless closed), the list sorted Top or Recent, my own questions marked. */
export function QaParticipantPanel() {
  const t = useT();
  const { qa, settings } = useQaView();
  const { order, setOrder, questions } = useOrderedQuestions(qa);
  if (!settings?.enabled) {
    return (
      <EmptyState title={t('qa.off.title')} testId="qa-off">
        <p>{t('qa.off.body')}</p>
      </EmptyState>
    );
  }
  return (
    <section className="qa stack" data-testid="qa-panel" aria-labelledby="qa-heading">
      <h2 id="qa-heading" className="visually-hidden">
        {t('qa.heading')}
      </h2>
      {settings.closed ? (
        <p className="note notice" data-testid="qa-closed">
          {t('qa.closed')}
        </p>
      ) : (
        <QaAskForm settings={settings} />
      )}
      <QaOrderToggle order={order} onChange={setOrder} />
      {questions.length === 0 ? (
        <p className="note" data-testid="qa-empty">
          {t('qa.empty')}
        </p>
      ) : (
        <ul className="plain qa-list" data-testid="qa-list">
          {questions.map((q) => (
            <QaQuestionItem key={q.id} question={q} settings={settings} />
          ))}
        </ul>
      )}
    </section>
  );
}
