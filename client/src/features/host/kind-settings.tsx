import { useId } from 'react';
import { LIMITS, type TextVariant } from '@quorum/shared';
import { useIntl } from 'react-intl';
import { useT, type MessageId } from '../../i18n';
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
  const t = useT();
  return (
    <fieldset className="options">
      <legend>{t('editor.scale')}</legend>
      <div className="row">
        <label>
          {t('editor.scaleFrom')}{' '}
          <select value={question.min} onChange={(e) => set({ min: e.currentTarget.value === '0' ? 0 : 1 })}>
            <option value={0}>0</option>
            <option value={1}>1</option>
          </select>
        </label>
        <label>
          {t('editor.scaleTo')}{' '}
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
        {t('editor.lowLabel')} <input value={question.minLabel} maxLength={LIMITS.scaleLabelMax} placeholder={t('editor.lowLabel.example')} onChange={(e) => set({ minLabel: e.currentTarget.value })} />
      </label>
      <label className="stack">
        {t('editor.highLabel')} <input value={question.maxLabel} maxLength={LIMITS.scaleLabelMax} placeholder={t('editor.highLabel.example')} onChange={(e) => set({ maxLabel: e.currentTarget.value })} />
      </label>
    </fieldset>
  );
}

const VARIANTS: { value: TextVariant; label: MessageId; max: number }[] = [
  { value: 'short', label: 'editor.textShort', max: LIMITS.textShortMax },
  { value: 'long', label: 'editor.textLong', max: LIMITS.textLongMax },
];

/** Open text: short or long answers. */
export function TextSettings({ question, onChange }: KindSettingsProps) {
  const name = useId();
  const t = useT();
  return (
    <fieldset className="options">
      <legend>{t('editor.answerLength')}</legend>
      {VARIANTS.map((v) => (
        <label className="choice" key={v.value}>
          <input type="radio" name={name} checked={question.variant === v.value} onChange={() => onChange({ ...question, variant: v.value })} /> {t(v.label, { max: v.max })}
        </label>
      ))}
    </fieldset>
  );
}

/** Numeric estimate: range, step and unit (typed text, checked by the shared rules on save). */
export function NumberSettings({ question, onChange }: KindSettingsProps) {
  const set = (patch: Partial<QuestionForm>) => onChange({ ...question, ...patch });
  const t = useIntl().formatMessage;
  const field = (label: MessageId, key: 'numMin' | 'numMax' | 'numStep') => (
    <label>
      {t({ id: label })} <input type="number" inputMode="decimal" value={question[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );
  return (
    <fieldset className="options">
      <legend>{t({ id: 'editor.range' })}</legend>
      <div className="row">
        {field('editor.min', 'numMin')}
        {field('editor.max', 'numMax')}
        {field('editor.step', 'numStep')}
      </div>
      <label className="stack">
        {t({ id: 'editor.unit' })} <input value={question.unit} maxLength={LIMITS.unitMax} placeholder={t({ id: 'editor.unit.example' })} onChange={(e) => set({ unit: e.currentTarget.value })} />
      </label>
    </fieldset>
  );
}
