import { useId } from 'react';
import type { Answer, Question } from '@quorum/shared';
import { picksHint, togglePick } from './answer-model';

interface QuestionInputProps {
  question: Question;
  answer: Answer | undefined;
  onChange: (answer: Answer) => void;
}

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  ariaLabel?: string;
}

function Choice({ type, name, label, checked, onChange, ariaLabel }: ChoiceProps) {
  return (
    <label className="choice">
      <input type={type} name={name} checked={checked} aria-label={ariaLabel} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

function RatingScale({ question, answer, onChange, name }: QuestionInputProps & { name: string; question: Extract<Question, { kind: 'rating' }> }) {
  const values = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  // End labels go into the accessible names of the end points, so the scale reads "1, Poor … 5, Great".
  const endLabel = (v: number) => (v === question.min ? question.minLabel : v === question.max ? question.maxLabel : '');
  return (
    <>
      <div className="scale">
        {values.map((v) => (
          <Choice
            key={v}
            type="radio"
            name={name}
            label={String(v)}
            ariaLabel={endLabel(v) ? `${v}, ${endLabel(v)}` : undefined}
            checked={answer?.kind === 'rating' && answer.value === v}
            onChange={() => onChange({ kind: 'rating', value: v })}
          />
        ))}
      </div>
      {(question.minLabel || question.maxLabel) && (
        <div className="scale-ends" aria-hidden="true">
          <span>{question.minLabel}</span>
          <span>{question.maxLabel}</span>
        </div>
      )}
    </>
  );
}

/** One question as a fieldset: radio group, checkbox group with its pick hint, or rating scale. */
export function QuestionInput({ question, answer, onChange }: QuestionInputProps) {
  const name = useId();
  const hintId = `${name}-hint`;
  const hint = question.kind === 'multiple' ? picksHint(question) : null;
  return (
    <fieldset className="question" aria-describedby={hint ? hintId : undefined}>
      <legend>{question.prompt}</legend>
      {hint && (
        <p className="note" id={hintId}>
          {hint}
        </p>
      )}
      {question.kind === 'single' &&
        question.options.map((o) => (
          <Choice
            key={o.id}
            type="radio"
            name={name}
            label={o.label}
            checked={answer?.kind === 'single' && answer.optionId === o.id}
            onChange={() => onChange({ kind: 'single', optionId: o.id })}
          />
        ))}
      {question.kind === 'multiple' &&
        question.options.map((o) => (
          <Choice
            key={o.id}
            type="checkbox"
            name={name}
            label={o.label}
            checked={answer?.kind === 'multiple' && answer.optionIds.includes(o.id)}
            onChange={(checked) => onChange(togglePick(answer, o.id, checked))}
          />
        ))}
      {question.kind === 'rating' && <RatingScale question={question} answer={answer} onChange={onChange} name={name} />}
      {(question.kind === 'rank' || question.kind === 'text' || question.kind === 'number') && (
        <p className="note">This question type needs a newer Quorum.</p>
      )}
    </fieldset>
  );
}
