import { useId } from 'react';
import { LIMITS, type TextVariant } from '@quorum/shared';
import { useT, type MessageId } from '../../i18n';
import type { KindEditorProps } from '../kind-view';

/** An open-text question as the composer edits it. */
export interface TextForm {
  variant: TextVariant;
}

const VARIANTS: { value: TextVariant; label: MessageId; max: number }[] = [
  { value: 'short', label: 'editor.textShort', max: LIMITS.textShortMax },
  { value: 'long', label: 'editor.textLong', max: LIMITS.textLongMax },
];

/** Open text: short or long answers. */
export function TextEditor({ form, onChange }: KindEditorProps<TextForm>) {
  const name = useId();
  const t = useT();
  return (
    <fieldset className="options">
      <legend>{t('editor.answerLength')}</legend>
      {VARIANTS.map((v) => (
        <label className="choice" key={v.value}>
          <input
            type="radio"
            name={name}
            checked={form.variant === v.value}
            onChange={() => onChange({ ...form, variant: v.value })}
          />{' '}
          {t(v.label, { max: v.max })}
        </label>
      ))}
    </fieldset>
  );
}
