import { useId } from 'react';
import type { Answer, Question } from '@quorum/shared';
import { useT } from '../../i18n';
import { viewFor } from '../../kinds/registry';

interface QuestionInputProps {
  question: Question;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  /** Why this answer cannot be sent, from the local check or the server. */
  error?: string | undefined;
  /** Shown in surveys, where some questions may be skipped. */
  marker?: 'required' | 'optional' | undefined;
}

/** One question as a fieldset with its prompt, required marker, hint, input of its kind and error. */
export function QuestionInput({ question, answer, onChange, error, marker }: QuestionInputProps) {
  const name = useId();
  const [legendId, hintId, errorId] = [`${name}-legend`, `${name}-hint`, `${name}-error`];
  const t = useT();
  const view = viewFor(question.kind);
  const hint = view.hint?.(question, t) ?? null;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className="question"
      aria-describedby={describedBy}
      data-question-id={question.id}
      data-kind={question.kind}
    >
      <legend id={legendId}>
        {question.prompt}
        {marker && <span className="marker"> {t(marker === 'required' ? 'ballot.required' : 'ballot.optional')}</span>}
      </legend>
      {hint && (
        <p className="note" id={hintId}>
          {hint}
        </p>
      )}
      <view.Input
        question={question}
        answer={answer}
        onChange={onChange}
        name={name}
        labelledBy={legendId}
        describedBy={describedBy}
        invalid={Boolean(error)}
        required={marker !== 'optional'}
      />
      {error && (
        <p className="error" id={errorId} data-testid="question-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
