import { LIMITS } from '@quorum/shared';
import { useT } from '../../i18n';
import type { KindEditorProps } from '../kind-view';

/** A rating question as the composer edits it. */
export interface RatingForm {
  min: 0 | 1;
  max: number;
  minLabel: string;
  maxLabel: string;
}

const SCALE_MAXES = Array.from({ length: LIMITS.ratingSpanMax - 1 }, (_, i) => i + 2);

/** Rating: the scale's ends and their labels. */
export function RatingEditor({ form, onChange }: KindEditorProps<RatingForm>) {
  const set = (patch: Partial<RatingForm>) => onChange({ ...form, ...patch });
  const t = useT();
  return (
    <fieldset className="options">
      <legend>{t('editor.scale')}</legend>
      <div className="row">
        <label>
          {t('editor.scaleFrom')}{' '}
          <select value={form.min} onChange={(e) => set({ min: e.currentTarget.value === '0' ? 0 : 1 })}>
            <option value={0}>0</option>
            <option value={1}>1</option>
          </select>
        </label>
        <label>
          {t('editor.scaleTo')}{' '}
          <select value={form.max} onChange={(e) => set({ max: Number(e.currentTarget.value) })}>
            {SCALE_MAXES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="stack">
        {t('editor.lowLabel')}{' '}
        <input
          value={form.minLabel}
          maxLength={LIMITS.scaleLabelMax}
          placeholder={t('editor.lowLabel.example')}
          onChange={(e) => set({ minLabel: e.currentTarget.value })}
        />
      </label>
      <label className="stack">
        {t('editor.highLabel')}{' '}
        <input
          value={form.maxLabel}
          maxLength={LIMITS.scaleLabelMax}
          placeholder={t('editor.highLabel.example')}
          onChange={(e) => set({ maxLabel: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}
