import { useState } from 'react';
import type { QaQuestionView } from '@quorum/shared';
import { useT } from '../../i18n';
import { useModerateQa } from './qa-host-item';

type Verdict = 'approve' | 'dismiss';

/**
 * The review queue: each waiting question with Approve / Dismiss, and a tick box per question for
 * approving or dismissing several at once (one request: all or nothing on the server).
 */
export function QaReviewQueue({ waiting }: { waiting: QaQuestionView[] }) {
  const t = useT();
  const moderate = useModerateQa();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Only what is still waiting counts: a co-host may have approved a ticked question meanwhile.
  const selected = waiting.filter((q) => picked.has(q.id)).map((q) => q.id);
  const all = selected.length === waiting.length;
  const toggle = (id: string, on: boolean) =>
    setPicked((was) => {
      const next = new Set(was);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const decide = async (verdict: Verdict, questionIds: string[]) => {
    const done = t(verdict === 'approve' ? 'qa.approved' : 'qa.dismissed', { count: questionIds.length });
    if ((await moderate({ action: verdict, questionIds }, done)) === null) setPicked(new Set());
  };
  if (waiting.length === 0) return null;
  return (
    <section className="qa-queue stack" data-testid="qa-queue" aria-labelledby="qa-queue-heading">
      <h3 id="qa-queue-heading">
        {t('qa.queue.heading')} <span className="badge">{waiting.length}</span>
      </h3>
      <div className="actions">
        <label className="choice">
          <input
            type="checkbox"
            data-testid="qa-select-all"
            checked={all}
            onChange={(e) => setPicked(new Set(e.currentTarget.checked ? waiting.map((q) => q.id) : []))}
          />
          {t('qa.queue.selectAll')}
        </label>
        <button
          type="button"
          className="small"
          data-testid="qa-approve-selected"
          disabled={selected.length === 0}
          onClick={() => void decide('approve', selected)}
        >
          {t('qa.approveSelected', { count: selected.length })}
        </button>
        <button
          type="button"
          className="small"
          data-testid="qa-dismiss-selected"
          disabled={selected.length === 0}
          onClick={() => void decide('dismiss', selected)}
        >
          {t('qa.dismissSelected', { count: selected.length })}
        </button>
      </div>
      <ul className="plain qa-list">
        {waiting.map((q) => (
          <li key={q.id} className="qa-item" data-testid="qa-waiting" data-question-id={q.id}>
            <label className="choice grow">
              <input
                type="checkbox"
                data-testid="qa-select"
                checked={picked.has(q.id)}
                onChange={(e) => toggle(q.id, e.currentTarget.checked)}
              />
              <span className="qa-text">{q.text}</span>
            </label>
            <div className="actions">
              <button
                type="button"
                className="small primary"
                data-testid="qa-approve"
                onClick={() => void decide('approve', [q.id])}
              >
                {t('qa.approve')}
              </button>
              <button
                type="button"
                className="small"
                data-testid="qa-dismiss"
                onClick={() => void decide('dismiss', [q.id])}
              >
                {t('qa.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
