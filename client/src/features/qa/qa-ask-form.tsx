import { useRef, useState, type FormEvent } from 'react';
import type { QaSettings } from '@quorum/shared';
import { useT } from '../../i18n';
import { newClientBallotId } from '../../realtime/ballot-outbox';
import { useHostRequest } from '../host/host-requests';
import { QaTextField } from './qa-text-field';
import { textLength } from './use-qa';

/**
 * Asking: the question, "Ask anonymously" only when the host allows it, and a line saying what the host
 * will see. One client id per draft, so a re-send after a dropped ack is the same question, not two.
 */
export function QaAskForm({ settings }: { settings: QaSettings }) {
  const t = useT();
  const send = useHostRequest();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clientId = useRef(newClientBallotId());
  const hidden = anonymous && settings.anonymousAllowed;

  const refuse = (message: string) => {
    setError(message);
    field.current?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (textLength(text) === 0) return refuse(t('qa.ask.empty'));
    if (textLength(text) > settings.maxLength) return refuse(t('qa.ask.tooLong', { max: settings.maxLength }));
    setBusy(true);
    const done = t(settings.reviewFirst ? 'qa.ask.sentForReview' : 'qa.ask.sent');
    const outcome = await send('qa:ask', { text, anonymous: hidden, clientId: clientId.current }, done);
    setBusy(false);
    if ('error' in outcome) return refuse(outcome.error);
    clientId.current = newClientBallotId();
    setText('');
    setError(null);
  };

  return (
    <form className="qa-ask stack" data-testid="qa-ask" onSubmit={(e) => void submit(e)} noValidate>
      <QaTextField
        label={t('qa.ask.label')}
        value={text}
        onChange={(value) => {
          setText(value);
          setError(null);
        }}
        max={settings.maxLength}
        error={error}
        fieldRef={field}
        testId="qa-ask-text"
      />
      {settings.anonymousAllowed && (
        <label className="choice">
          <input
            type="checkbox"
            checked={anonymous}
            data-testid="qa-ask-anonymous"
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          {t('qa.ask.anonymous')}
        </label>
      )}
      <p className="note" data-testid="qa-ask-visibility">
        {t(hidden ? 'qa.ask.anonymousNote' : 'qa.ask.hostSeesName')}
      </p>
      {settings.reviewFirst && (
        <p className="note" data-testid="qa-ask-review">
          {t('qa.ask.reviewNote')}
        </p>
      )}
      <button type="submit" className="primary" data-testid="qa-ask-submit" disabled={busy}>
        {t('qa.ask.submit')}
      </button>
    </form>
  );
}
