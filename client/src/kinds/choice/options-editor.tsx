import { useRef } from 'react';
import { LIMITS } from '@quorum/shared';
import { useFieldFault } from '../../components/field-fault';
import { useFocusOnGrowth } from '../../components/use-focus-landing';
import { useT } from '../../i18n';
import type { KindEditorProps } from '../kind-view';
import { blankOption, pasteOptions, type ChoiceForm, type OptionForm } from './choice-form';

const toInt = (value: string) => (value === '' ? 0 : Math.trunc(Number(value)));

function OptionRow({
  index,
  option,
  i,
  count,
  quiz,
  set,
  remove,
  onEnter,
  onPasteList,
}: {
  index: number;
  option: OptionForm;
  i: number;
  count: number;
  quiz: boolean;
  set: (o: OptionForm) => void;
  remove: () => void;
  /** Enter: on to the next row, or a new one after the last (instead of submitting the form). */
  onEnter: () => void;
  /** A pasted multi-line list; false when it was an ordinary paste. */
  onPasteList: (text: string) => boolean;
}) {
  const t = useT();
  const n = { q: index + 1, n: i + 1 };
  const fault = useFieldFault(`questions.${index}.options.${i}.label`);
  return (
    <>
      <div className="row option-row">
        <input
          className="grow"
          {...fault.props}
          aria-label={t('editor.optionLabel', n)}
          value={option.label}
          maxLength={LIMITS.optionLabelMax}
          onChange={(e) => set({ ...option, label: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            e.preventDefault();
            onEnter();
          }}
          onPaste={(e) => {
            if (onPasteList(e.clipboardData.getData('text/plain'))) e.preventDefault();
          }}
        />
        {quiz && (
          <label className="choice">
            <input
              type="checkbox"
              checked={option.correct}
              aria-label={t('editor.optionCorrect', n)}
              onChange={(e) => set({ ...option, correct: e.currentTarget.checked })}
            />
            <span aria-hidden="true">{t('editor.correct')}</span>
          </label>
        )}
        <button
          type="button"
          aria-label={t('editor.removeOption', n)}
          disabled={count <= LIMITS.optionsMin}
          onClick={remove}
        >
          ×
        </button>
      </div>
      {fault.message}
    </>
  );
}

/** What the options editor shows for its kind: rank items cannot be correct; multiple choice sets pick counts. */
export interface OptionsEditorProps extends KindEditorProps<ChoiceForm> {
  variant: 'single' | 'multiple' | 'rank';
}

/** Options of a choice or rank question; in a quiz, choice options can be marked correct. */
export function OptionsEditor({ index, form, onChange, quiz, variant }: OptionsEditorProps) {
  const set = (patch: Partial<ChoiceForm>) => onChange({ ...form, ...patch });
  const options = form.options;
  const rank = variant === 'rank';
  const max = rank ? LIMITS.rankItemsMax : LIMITS.optionsMax;
  const markCorrect = quiz && !rank;
  const t = useT();
  const list = useRef<HTMLFieldSetElement>(null);
  const rows = () => [...(list.current?.querySelectorAll<HTMLInputElement>('input.grow') ?? [])];
  useFocusOnGrowth(options.length, () => rows().at(-1));
  const addOption = () => set({ options: [...options, blankOption()] });
  const enterOn = (i: number) => {
    if (i < options.length - 1) rows()[i + 1]?.focus();
    else if (options.length < max) addOption();
  };
  const pasteAt = (i: number, text: string) => {
    const next = pasteOptions(options, i, text, max);
    if (next) set({ options: next });
    return next !== undefined;
  };
  return (
    <fieldset className="options" ref={list}>
      <legend>{t(rank ? 'editor.items' : 'editor.options')}</legend>
      {markCorrect && <p className="note">{t('editor.tickCorrect')}</p>}
      {options.map((o, i) => (
        <OptionRow
          key={o.key}
          index={index}
          option={o}
          i={i}
          count={options.length}
          quiz={markCorrect}
          set={(next) => set({ options: options.map((x) => (x.key === o.key ? next : x)) })}
          remove={() => set({ options: options.filter((x) => x.key !== o.key) })}
          onEnter={() => enterOn(i)}
          onPasteList={(text) => pasteAt(i, text)}
        />
      ))}
      <button type="button" disabled={options.length >= max} onClick={addOption}>
        {t(rank ? 'editor.addItem' : 'editor.addOption')}
      </button>
      {variant === 'multiple' && (
        <div className="row">
          <label>
            {t('editor.minPicks')}{' '}
            <input
              type="number"
              min={0}
              max={options.length}
              value={form.minPicks}
              onChange={(e) => set({ minPicks: toInt(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t('editor.maxPicks')}{' '}
            <input
              type="number"
              min={1}
              max={options.length}
              value={form.maxPicks}
              onChange={(e) => set({ maxPicks: toInt(e.currentTarget.value) })}
            />
          </label>
        </div>
      )}
    </fieldset>
  );
}
