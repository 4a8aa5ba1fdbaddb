import { useState } from 'react';
import { textMax, type Answer, type QuestionOf } from '@quorum/shared';
import { useIntl, type IntlShape } from 'react-intl';
import { useT } from '../../i18n';
import { numberAnswer } from './answer-model';

interface FreeInputProps<K extends 'text' | 'number'> {
  question: QuestionOf<K>;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  /** The question's legend, which names the field. */
  labelledBy: string;
  /** Ids of the hint and error that describe the field. */
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}

/** Open text with a live "n / max" counter; the limit counts characters as people do (code points). */
export function TextAnswerInput({ question, answer, onChange, labelledBy, describedBy, invalid, required }: FreeInputProps<'text'>) {
  const text = answer?.kind === 'text' ? answer.text : '';
  const max = textMax(question);
  const used = [...text].length;
  const counterId = `${labelledBy}-counter`;
  const t = useT();
  const common = {
    value: text,
    'aria-labelledby': labelledBy,
    'aria-describedby': [counterId, describedBy].filter(Boolean).join(' '),
    'aria-invalid': invalid || used > max,
    'aria-required': required,
    onChange: (e: { currentTarget: { value: string } }) => onChange({ kind: 'text', text: e.currentTarget.value }),
  };
  return (
    <>
      {question.variant === 'long' ? <textarea rows={4} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      <p className={`note counter${used > max ? ' over' : ''}`} id={counterId}>
        {t('ballot.counter', { used, max })}
      </p>
    </>
  );
}

/** "From 0 to 100, in steps of 5 (km)": the range a number answer must keep to, in the reader's number format. */
export function numberHint(intl: IntlShape, q: QuestionOf<'number'>): string {
  return intl.formatMessage({ id: 'ballot.numberHint' }, { min: q.min, max: q.max, step: q.step, stepped: q.step !== 1, hasUnit: Boolean(q.unit), unit: q.unit });
}

/** numberHint in the current language. */
export const useNumberHint = () => numberHint.bind(null, useIntl());

/**
 * A numeric estimate: the browser's number field with the question's min, max and step, and its unit.
 * The text typed is kept here, so a half-typed "1." is not wiped by re-rendering a parsed value.
 */
export function NumberAnswerInput({ question, answer, onChange, labelledBy, describedBy, invalid, required }: FreeInputProps<'number'>) {
  const [text, setText] = useState(() => (answer?.kind === 'number' && Number.isFinite(answer.value) ? String(answer.value) : ''));
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
