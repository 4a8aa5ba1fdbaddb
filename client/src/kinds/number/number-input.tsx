import { useState } from 'react';
import type { Answer, QuestionOf } from '@quorum/shared';
import type { Translate } from '../../i18n';
import type { KindInputProps } from '../kind-view';

/** A number field's text as an answer: blank is no answer; text the browser cannot read is a wrong one. */
export function numberAnswer(text: string, unreadable = false): Answer | undefined {
  if (unreadable) return { kind: 'number', value: Number.NaN };
  return text.trim() === '' ? undefined : { kind: 'number', value: Number(text) };
}

/** "From 0 to 100, in steps of 5 (km)": the range a number answer must keep to, in the reader's number format. */
export function numberHint(t: Translate, q: QuestionOf<'number'>): string {
  return t('ballot.numberHint', {
    min: q.min,
    max: q.max,
    step: q.step,
    stepped: q.step !== 1,
    hasUnit: Boolean(q.unit),
    unit: q.unit,
  });
}

/**
 * A numeric estimate: the browser's number field with the question's min, max and step, and its unit.
 * The text typed is kept here, so a half-typed "1." is not wiped by re-rendering a parsed value.
 */
export function NumberAnswerInput({
  question,
  answer,
  onChange,
  labelledBy,
  describedBy,
  invalid,
  required,
}: KindInputProps<'number'>) {
  const [text, setText] = useState(() =>
    answer?.kind === 'number' && Number.isFinite(answer.value) ? String(answer.value) : '',
  );
  return (
    <div className="row">
      <input
        type="number"
        inputMode="decimal"
        min={question.min}
        max={question.max}
        step={question.step}
        value={text}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={required}
        onChange={(e) => {
          setText(e.currentTarget.value);
          onChange(numberAnswer(e.currentTarget.value, e.currentTarget.validity.badInput));
        }}
      />
      {question.unit && <span aria-hidden="true">{question.unit}</span>}
    </div>
  );
}
