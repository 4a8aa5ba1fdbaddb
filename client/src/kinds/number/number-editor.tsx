import { LIMITS } from '@quorum/shared';
import { useT, type MessageId } from '../../i18n';
import type { KindEditorProps } from '../kind-view';

/** A numeric question as the composer edits it: bounds as typed, so a half-typed "-" or "0." survives re-rendering. */
export interface NumberForm {
  min: string;
  max: string;
  step: string;
  unit: string;
}

/** Numeric estimate: range, step and unit (typed text, checked by the shared rules on save). */
export function NumberEditor({ form, onChange }: KindEditorProps<NumberForm>) {
  const set = (patch: Partial<NumberForm>) => onChange({ ...form, ...patch });
  const t = useT();
  const field = (label: MessageId, key: 'min' | 'max' | 'step') => (
    <label>
      {t(label)}{' '}
      <input
        type="number"
        inputMode="decimal"
        value={form[key]}
        onChange={(e) => set({ [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <fieldset className="options">
      <legend>{t('editor.range')}</legend>
      <div className="row">
        {field('editor.min', 'min')}
        {field('editor.max', 'max')}
        {field('editor.step', 'step')}
      </div>
      <label className="stack">
        {t('editor.unit')}{' '}
        <input
          value={form.unit}
          maxLength={LIMITS.unitMax}
          placeholder={t('editor.unit.example')}
          onChange={(e) => set({ unit: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}
