import { useId } from 'react';
import { LIMITS, type TextVariant } from '@quorum/shared';
import type { QuestionForm } from './question-form';

export interface KindSettingsProps {
  index: number;
  question: QuestionForm;
  onChange: (question: QuestionForm) => void;
}

const SCALE_MAXES = Array.from({ length: LIMITS.ratingSpanMax - 1 }, (_, i) => i + 2);

/** Rating: the scale's ends and their labels. */
export function RatingSettings({ question, onChange }: KindSettingsProps) {
  const set = (patch: Partial<QuestionForm>) => onChange({ ...question, ...patch });
  return (
    <fieldset className="options">
      <legend>Scale</legend>
      <div className="row">
        <label>
          From{' '}
          <select value={question.min} onChange={(e) => set({ min: e.currentTarget.value === '0' ? 0 : 1 })}>
            <option value={0}>0</option>
            <option value={1}>1</option>
          </select>
        </label>
        <label>
          To{' '}
          <select value={question.max} onChange={(e) => set({ max: Number(e.currentTarget.value) })}>
            {SCALE_MAXES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="stack">
        Low end label <input value={question.minLabel} maxLength={LIMITS.scaleLabelMax} placeholder="e.g. Poor" onChange={(e) => set({ minLabel: e.currentTarget.value })} />
      </label>
      <label className="stack">
        High end label <input value={question.maxLabel} maxLength={LIMITS.scaleLabelMax} placeholder="e.g. Great" onChange={(e) => set({ maxLabel: e.currentTarget.value })} />
      </label>
    </fieldset>
  );
}

const VARIANTS: { value: TextVariant; label: string }[] = [
  { value: 'short', label: `Short (up to ${LIMITS.textShortMax} characters)` },
  { value: 'long', label: `Long (up to ${LIMITS.textLongMax.toLocaleString('en')} characters)` },
];

/** Open text: short or long answers. */
export function TextSettings({ question, onChange }: KindSettingsProps) {
  const name = useId();
  return (
    <fieldset className="options">
      <legend>Answer length</legend>
      {VARIANTS.map((v) => (
        <label className="choice" key={v.value}>
          <input type="radio" name={name} checked={question.variant === v.value} onChange={() => onChange({ ...question, variant: v.value })} /> {v.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Numeric estimate: range, step and unit (typed text, checked by the shared rules on save). */
export function NumberSettings({ question, onChange }: KindSettingsProps) {
  const set = (patch: Partial<QuestionForm>) => onChange({ ...question, ...patch });
  const field = (label: string, key: 'numMin' | 'numMax' | 'numStep') => (
    <label>
      {label} <input type="number" inputMode="decimal" value={question[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );
  return (
    <fieldset className="options">
      <legend>Range</legend>
      <div className="row">
        {field('Minimum', 'numMin')}
        {field('Maximum', 'numMax')}
        {field('Step', 'numStep')}
      </div>
      <label className="stack">
        Unit (optional) <input value={question.unit} maxLength={LIMITS.unitMax} placeholder="e.g. km" onChange={(e) => set({ unit: e.currentTarget.value })} />
      </label>
    </fieldset>
  );
}
