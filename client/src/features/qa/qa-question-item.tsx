import { useState } from 'react';
import type { QaQuestionView, QaSettings } from '@quorum/shared';
import { useT } from '../../i18n';
import { useHostRequest } from '../host/host-requests';
import { QaQuestionBody, STATUS_WORDS } from './qa-question-body';
import { QaTextField, SaveCancel } from './qa-text-field';
import { QaUpvoteButton } from './qa-upvote-button';
import { ownChangesOpen, textLength } from './use-qa';

/** Edit in place: the same field as asking, Save / Cancel. */
function EditForm({ question, max, onDone }: { question: QaQuestionView; max: number; onDone: () => void }) {
  const t = useT();
  const send = useHostRequest();
  const [text, setText] = useState(question.text);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (textLength(text) === 0) return setError(t('qa.ask.empty'));
    if (textLength(text) > max) return setError(t('qa.ask.tooLong', { max }));
    const outcome = await send('qa:edit', { questionId: question.id, text }, t('qa.edit.saved'));
    if ('error' in outcome) return setError(outcome.error);
    onDone();
  };
  return (
    <div className="stack">
      <QaTextField
        label={t('qa.edit.label')}
        value={text}
        onChange={setText}
        max={max}
        error={error}
        testId="qa-edit-text"
      />
      <SaveCancel testId="qa-edit-save" onSave={() => void save()} onCancel={onDone} />
    </div>
  );
}

/** One question in a participant's list: upvote, and for my own its status, Edit and Withdraw while open. */
export function QaQuestionItem({ question, settings }: { question: QaQuestionView; settings: QaSettings }) {
  const t = useT();
  const send = useHostRequest();
  const [editing, setEditing] = useState(false);
  const readOnly = settings.closed;
  const mine = question.mine === true;
  const changeable = mine && ownChangesOpen(question) && !readOnly;
  const tags = mine && (
    <span className={`badge qa-status-${question.status}`} data-testid="qa-my-status">
      {t('qa.mine')} · {t(STATUS_WORDS[question.status])}
    </span>
  );
  return (
    <li className="qa-item" data-testid="qa-question" data-question-id={question.id} data-status={question.status}>
      <QaUpvoteButton question={question} readOnly={readOnly} />
      <div className="qa-main">
        <QaQuestionBody question={question} tags={tags}>
          {editing ? (
            <EditForm question={question} max={settings.maxLength} onDone={() => setEditing(false)} />
          ) : (
            changeable && (
              <div className="actions">
                <button type="button" className="link" data-testid="qa-edit" onClick={() => setEditing(true)}>
                  {t('qa.edit')}
                </button>
                <button
                  type="button"
                  className="link"
                  data-testid="qa-withdraw"
                  onClick={() => void send('qa:withdraw', { questionId: question.id }, t('qa.withdrawn'))}
                >
                  {t('qa.withdraw')}
                </button>
              </div>
            )
          )}
        </QaQuestionBody>
      </div>
    </li>
  );
}
