import { useId, useRef } from 'react';
import { LIMITS, type QuestionKind } from '@quorum/shared';
import { useFocusOnGrowth } from '../../components/use-focus-landing';
import { useT, type MessageId } from '../../i18n';
import { NumberSettings, RatingSettings, TextSettings, type KindSettingsProps } from './kind-settings';
import { blankOption, type OptionForm, type QuestionForm } from './question-form';

interface QuestionEditorProps extends KindSettingsProps {
  onRemove?: (() => void) | undefined;
  /** Quiz polls let the host mark the correct options of choice questions. */
  quiz: boolean;
}

const KIND_LABEL: Record<QuestionKind, MessageId> = {
  single: 'kind.single',
  multiple: 'kind.multiple',
  rating: 'kind.rating',
  rank: 'kind.rank',
  text: 'kind.text',
  number: 'kind.number',
};
const toInt = (value: string) => (value === '' ? 0 : Math.trunc(Number(value)));

function OptionRow({ index, option, i, count, quiz, set, remove }: { index: number; option: OptionForm; i: number; count: number; quiz: boolean; set: (o: OptionForm) => void; remove: () => void }) {
  const t = useT();
  const n = { q: index + 1, n: i + 1 };
  return (
    <div className="row option-row">
      <input className="grow" aria-label={t('editor.optionLabel', n)} value={option.label} maxLength={LIMITS.optionLabelMax} onChange={(e) => set({ ...option, label: e.currentTarget.value })} />
      {quiz && (
        <label className="choice">
          <input type="checkbox" checked={option.correct} aria-label={t('editor.optionCorrect', n)} onChange={(e) => set({ ...option, correct: e.currentTarget.checked })} />
          <span aria-hidden="true">{t('editor.correct')}</span>
        </label>
      )}
      <button type="button" aria-label={t('editor.removeOption', n)} disabled={count <= LIMITS.optionsMin} onClick={remove}>
        ×
      </button>
    </div>
  );
}

/** Options of a choice or rank question; in a quiz, choice options can be marked correct. */
function ChoiceOptions({ index, question, onChange, quiz }: QuestionEditorProps) {
  const set = (patch: Partial<QuestionForm>) => onChange({ ...question, ...patch });
  const options = question.options;
  const rank = question.kind === 'rank';
  const max = rank ? LIMITS.rankItemsMax : LIMITS.optionsMax;
  const markCorrect = quiz && !rank;
  const t = useT();
  const list = useRef<HTMLFieldSetElement>(null);
  useFocusOnGrowth(options.length, () => [...(list.current?.querySelectorAll<HTMLInputElement>('input.grow') ?? [])].at(-1));
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
        />
      ))}
      <button type="button" disabled={options.length >= max} onClick={() => set({ options: [...options, blankOption()] })}>
        {t(rank ? 'editor.addItem' : 'editor.addOption')}
      </button>
      {question.kind === 'multiple' && (
        <div className="row">
          <label>
            {t('editor.minPicks')} <input type="number" min={0} max={options.length} value={question.minPicks} onChange={(e) => set({ minPicks: toInt(e.currentTarget.value) })} />
          </label>
          <label>
            {t('editor.maxPicks')} <input type="number" min={1} max={options.length} value={question.maxPicks} onChange={(e) => set({ maxPicks: toInt(e.currentTarget.value) })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}

function KindFields(props: QuestionEditorProps) {
  switch (props.question.kind) {
    case 'rating':
      return <RatingSettings {...props} />;
    case 'text':
      return <TextSettings {...props} />;
    case 'number':
      return <NumberSettings {...props} />;
    default:
      return <ChoiceOptions {...props} />;
  }
}

/** Edits one question: prompt, kind, required, and the kind's options, scale, length or range. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { index, question, onChange, onRemove } = props;
  const kindId = useId();
  const t = useT();
  return (
    <fieldset className="question-editor" data-testid="question-editor">
      <legend>{t('editor.questionN', { n: index + 1 })}</legend>
      <label className="stack">
        {t('editor.question')} <input value={question.prompt} maxLength={LIMITS.promptMax} onChange={(e) => onChange({ ...question, prompt: e.currentTarget.value })} />
      </label>
      <label className="stack" htmlFor={kindId}>
        {t('editor.type')}
      </label>
      <select id={kindId} value={question.kind} onChange={(e) => onChange({ ...question, kind: e.currentTarget.value as QuestionKind })}>
        {(Object.keys(KIND_LABEL) as QuestionKind[]).map((k) => (
          <option key={k} value={k}>
            {t(KIND_LABEL[k])}
          </option>
        ))}
      </select>
      <label className="choice">
        <input type="checkbox" checked={question.required} onChange={(e) => onChange({ ...question, required: e.currentTarget.checked })} /> {t('editor.required')}
      </label>
      <KindFields {...props} />
      {onRemove && (
        <button type="button" className="link" onClick={onRemove}>
          {t('editor.removeQuestion', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}
