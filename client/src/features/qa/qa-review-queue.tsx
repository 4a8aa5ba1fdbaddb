import { useState } from 'react';
import type { QaQuestionView } from '@quorum/shared';
import { useT } from '../../i18n';
import { useModerateQa } from './qa-host-item';

type Verdict = 'approve' | 'dismiss';

const VERDICTS = [
  ['approve', 'qa.approveSelected'],
  ['dismiss', 'qa.dismissSelected'],
] as const;

interface WaitingItemProps {
  question: QaQuestionView;
  picked: boolean;
  onPick: (on: boolean) => void;
  onDecide: (verdict: Verdict) => void;
}

/** One waiting question: its tick box (the question is its label), Approve and Dismiss. */
function WaitingItem({ question, picked, onPick, onDecide }: WaitingItemProps) {
  const t = useT();
  return (
    <li className="qa-item" data-testid="qa-waiting" data-question-id={question.id}>
      <label className="choice grow">
        <input
          type="checkbox"
          data-testid="qa-select"
          checked={picked}
          onChange={(e) => onPick(e.currentTarget.checked)}
        />
        <span className="qa-text">{question.text}</span>
      </label>
      <div className="actions">
        <button type="button" className="small primary" data-testid="qa-approve" onClick={() => onDecide('approve')}>
          {t('qa.approve')}
        </button>
        <button type="button" className="small" data-testid="qa-dismiss" onClick={() => onDecide('dismiss')}>
          {t('qa.dismiss')}
        </button>
      </div>
    </li>
  );
}

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
        {VERDICTS.map(([verdict, label]) => (
          <button
            key={verdict}
            type="button"
            className="small"
            data-testid={`qa-${verdict}-selected`}
            disabled={selected.length === 0}
            onClick={() => void decide(verdict, selected)}
          >
            {t(label, { count: selected.length })}
          </button>
        ))}
      </div>
      <ul className="plain qa-list">
        {waiting.map((q) => (
          <WaitingItem
            key={q.id}
            question={q}
            picked={picked.has(q.id)}
            onPick={(on) => toggle(q.id, on)}
            onDecide={(verdict) => void decide(verdict, [q.id])}
          />
        ))}
      </ul>
    </section>
  );
}
