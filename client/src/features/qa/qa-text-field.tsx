import { useId, type Ref } from 'react';
import { useT } from '../../i18n';
import { textLength } from './use-qa';

interface QaTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  /** Why the last attempt was refused, shown under the field and tied to it. */
  error?: string | null | undefined;
  rows?: number;
  fieldRef?: Ref<HTMLTextAreaElement>;
  testId: string;
}

/** A labelled text area with the live "n / max" counter the open-text ballot has, and its error. */
export function QaTextField({ label, value, onChange, max, error, rows = 3, fieldRef, testId }: QaTextFieldProps) {
  const t = useT();
  const id = useId();
  const used = textLength(value);
  const over = used > max;
  return (
    <div className="qa-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={fieldRef}
        rows={rows}
        value={value}
        data-testid={testId}
        aria-invalid={over || Boolean(error)}
        aria-describedby={`${id}-counter${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <p className={`note counter${over ? ' over' : ''}`} id={`${id}-counter`}>
        {t('ballot.counter', { used, max })}
      </p>
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Save and Cancel under an in-place field (an edit, a reply); `testId` names the Save button. */
export function SaveCancel({ testId, onSave, onCancel }: { testId: string; onSave: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="actions">
      <button type="button" className="primary small" data-testid={testId} onClick={onSave}>
        {t('qa.edit.save')}
      </button>
      <button type="button" className="small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
