import type { QaQuestionView } from '@quorum/shared';
import { useT } from '../../i18n';
import { newClientBallotId } from '../../realtime/ballot-outbox';
import { useHostRequest } from '../host/host-requests';

/** An arrow pointing up, drawn inline. */
function UpIcon() {
  return (
    <svg className="icon-svg" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 2 2 9h4v5h4V9h4z" fill="currentColor" />
    </svg>
  );
}

/**
 * The upvote toggle (aria-pressed): it sends the wanted state, not a flip, so a re-sent request lands
 * on the same state. The count shows only when the server sent it (the host shows counts).
 */
export function QaUpvoteButton({ question, readOnly }: { question: QaQuestionView; readOnly: boolean }) {
  const t = useT();
  const send = useHostRequest();
  const up = question.upvoted === true;
  const toggle = () =>
    void send(
      'qa:upvote',
      { questionId: question.id, up: !up, clientId: newClientBallotId() },
      t(up ? 'qa.unvoted' : 'qa.upvoted'),
    );
  return (
    <button
      type="button"
      className={`small qa-upvote${up ? ' pressed' : ''}`}
      aria-pressed={up}
      data-testid="qa-upvote"
      disabled={readOnly || question.status !== 'live'}
      onClick={toggle}
    >
      <UpIcon />
      <span className="visually-hidden">{t('qa.upvote')} </span>
      {question.upvotes !== undefined && (
        <span data-testid="qa-upvotes" data-count={question.upvotes}>
          {question.upvotes}
        </span>
      )}
    </button>
  );
}
