import { useState } from 'react';
import type { QaModerate, QaQuestionView } from '@quorum/shared';
import { QA_LIMITS } from '@quorum/shared';
import { useT } from '../../i18n';
import { useHostRequest } from '../host/host-requests';
import { QaQuestionBody, STATUS_WORDS } from './qa-question-body';
import { QaTextField, SaveCancel } from './qa-text-field';

/** Sends one moderation and announces it; resolves with the reason when refused. */
export function useModerateQa() {
  const send = useHostRequest();
  return async (request: QaModerate, done: string): Promise<string | null> => {
    const outcome = await send('qa:moderate', request, done);
    return 'error' in outcome ? outcome.error : null;
  };
}

function ReplyForm({ question, onDone }: { question: QaQuestionView; onDone: () => void }) {
  const t = useT();
  const moderate = useModerateQa();
  const [reply, setReply] = useState(question.reply ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const text = reply.trim();
    const failed = await moderate(
      { action: 'reply', questionId: question.id, reply: text === '' ? null : text },
      t('qa.reply.saved'),
    );
    if (failed) return setError(failed);
    onDone();
  };
  return (
    <div className="stack">
      <QaTextField
        label={t('qa.reply.label')}
        value={reply}
        onChange={setReply}
        max={QA_LIMITS.replyMax}
        error={error}
        rows={2}
        testId="qa-reply-text"
      />
      <SaveCancel testId="qa-reply-save" onSave={() => void save()} onCancel={onDone} />
    </div>
  );
}

/** The moderation a question's status allows: answer, highlight (one at a time), reply, restore, archive. */
function HostActions({ question, onReply }: { question: QaQuestionView; onReply: () => void }) {
  const t = useT();
  const moderate = useModerateQa();
  const ids = { questionIds: [question.id] };
  const open = question.status === 'live' || question.status === 'answered';
  const act = (request: QaModerate, done: string) => () => void moderate(request, done);
  const pin = { action: 'pin', questionId: question.id, pinned: !question.pinned } as const;
  return (
    <div className="actions">
      {question.status === 'live' && (
        <button
          type="button"
          className="small"
          data-testid="qa-answer"
          onClick={act({ action: 'answer', ...ids }, t('qa.answeredDone'))}
        >
          {t('qa.answer')}
        </button>
      )}
      {open && (
        <button
          type="button"
          className="small"
          aria-pressed={question.pinned}
          data-testid="qa-highlight"
          onClick={act(pin, t(question.pinned ? 'qa.unhighlightDone' : 'qa.highlightDone'))}
        >
          {t('qa.highlight')}
        </button>
      )}
      {open && (
        <button type="button" className="small" data-testid="qa-reply-open" onClick={onReply}>
          {t('qa.replyAction')}
        </button>
      )}
      {question.status === 'dismissed' && (
        <button
          type="button"
          className="small"
          data-testid="qa-approve"
          onClick={act({ action: 'approve', ...ids }, t('qa.approved', { count: 1 }))}
        >
          {t('qa.approve')}
        </button>
      )}
      <button
        type="button"
        className="small"
        data-testid="qa-archive"
        onClick={act({ action: 'archive', ...ids }, t('qa.archived'))}
      >
        {t('qa.archive')}
      </button>
    </div>
  );
}

/** A question in the host's list: its votes, its status unless live, and what may be done with it. */
export function QaHostItem({ question, moderate }: { question: QaQuestionView; moderate: boolean }) {
  const t = useT();
  const [replying, setReplying] = useState(false);
  return (
    <li className="qa-item" data-testid="qa-question" data-question-id={question.id} data-status={question.status}>
      <span className="qa-votes" data-testid="qa-upvotes" data-count={question.upvotes ?? 0}>
        {t('qa.upvotes', { count: question.upvotes ?? 0 })}
      </span>
      <div className="qa-main">
        <QaQuestionBody
          question={question}
          tags={question.status !== 'live' && <span className="badge">{t(STATUS_WORDS[question.status])}</span>}
        >
          {replying ? (
            <ReplyForm question={question} onDone={() => setReplying(false)} />
          ) : (
            moderate && <HostActions question={question} onReply={() => setReplying(true)} />
          )}
        </QaQuestionBody>
      </div>
    </li>
  );
}
