import { useId } from 'react';
import type { Answer, Question } from '@quorum/shared';
import { useT, type Translate } from '../../i18n';
import { picksHint, togglePick } from './answer-model';
import { NumberAnswerInput, TextAnswerInput, useNumberHint } from './free-inputs';
import { RankInput } from './rank-input';

interface QuestionInputProps {
  question: Question;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  /** Why this answer cannot be sent, from the local check or the server. */
  error?: string | undefined;
  /** Shown in surveys, where some questions may be skipped. */
  marker?: 'required' | 'optional' | undefined;
}

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  ariaLabel?: string | undefined;
}

function Choice({ type, name, label, checked, onChange, ariaLabel }: ChoiceProps) {
  return (
    <label className="choice">
      <input type={type} name={name} checked={checked} aria-label={ariaLabel} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

type Props<K extends Question['kind']> = Omit<QuestionInputProps, 'question'> & { question: Extract<Question, { kind: K }>; name: string };

function ChoiceList({ question, answer, onChange, name }: Props<'single' | 'multiple'>) {
  return question.options.map((o) =>
    question.kind === 'single' ? (
      <Choice key={o.id} type="radio" name={name} label={o.label} checked={answer?.kind === 'single' && answer.optionId === o.id} onChange={() => onChange({ kind: 'single', optionId: o.id })} />
    ) : (
      <Choice key={o.id} type="checkbox" name={name} label={o.label} checked={answer?.kind === 'multiple' && answer.optionIds.includes(o.id)} onChange={(on) => onChange(togglePick(answer, o.id, on))} />
    ),
  );
}

function RatingScale({ question, answer, onChange, name }: Props<'rating'>) {
  const values = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  // End labels go into the accessible names of the end points, so the scale reads "1, Poor … 5, Great".
  const endLabel = (v: number) => (v === question.min ? question.minLabel : v === question.max ? question.maxLabel : '');
  const t = useT();
  return (
    <>
      <div className="scale">
        {values.map((v) => (
          <Choice
            key={v}
            type="radio"
            name={name}
            label={String(v)}
            ariaLabel={endLabel(v) ? t('ballot.scaleEnd', { value: v, label: endLabel(v) }) : undefined}
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

/** The hint under a question's prompt: how many to pick, how to rank, the allowed range. */
function hintFor(question: Question, t: Translate, numberHint: ReturnType<typeof useNumberHint>): string | null {
  if (question.kind === 'multiple') return picksHint(question);
  if (question.kind === 'rank') return t('ballot.rankHint');
  if (question.kind === 'number') return numberHint(question);
  return null;
}

/** One question as a fieldset with its prompt, required marker, hint, input of its kind and error. */
export function QuestionInput(props: QuestionInputProps) {
  const { question, answer, onChange, error, marker } = props;
  const name = useId();
  const [legendId, hintId, errorId] = [`${name}-legend`, `${name}-hint`, `${name}-error`];
  const t = useT();
  const hint = hintFor(question, t, useNumberHint());
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const free = { labelledBy: legendId, describedBy, invalid: Boolean(error), required: marker !== 'optional' };
  return (
    <fieldset className="question" aria-describedby={describedBy} data-question-id={question.id} data-kind={question.kind}>
      <legend id={legendId}>
        {question.prompt}
        {marker && <span className="marker"> {t(marker === 'required' ? 'ballot.required' : 'ballot.optional')}</span>}
      </legend>
      {hint && (
        <p className="note" id={hintId}>
          {hint}
        </p>
      )}
      {(question.kind === 'single' || question.kind === 'multiple') && <ChoiceList {...props} question={question} name={name} />}
      {question.kind === 'rating' && <RatingScale {...props} question={question} name={name} />}
      {question.kind === 'rank' && <RankInput question={question} answer={answer} onChange={onChange} />}
      {question.kind === 'text' && <TextAnswerInput question={question} answer={answer} onChange={onChange} {...free} />}
      {question.kind === 'number' && <NumberAnswerInput question={question} answer={answer} onChange={onChange} {...free} />}
      {error && (
        <p className="error" id={errorId} data-testid="question-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
