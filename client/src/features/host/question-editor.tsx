import { useId } from 'react';
import { LIMITS, type QuestionKind } from '@quorum/shared';
import { blankOption, type QuestionForm } from './composer-model';

interface QuestionEditorProps {
  index: number;
  question: QuestionForm;
  onChange: (question: QuestionForm) => void;
  onRemove?: (() => void) | undefined;
}

/** The kinds this composer edits; newer kinds get their editors from a later client. */
const KIND_LABEL: Partial<Record<QuestionKind, string>> = { single: 'Single choice', multiple: 'Multiple choice', rating: 'Rating scale' };
const SCALE_MAXES = Array.from({ length: LIMITS.ratingSpanMax - 1 }, (_, i) => i + 2);
const toInt = (value: string) => (value === '' ? 0 : Math.trunc(Number(value)));

function ChoiceOptions({ index, question, onChange }: QuestionEditorProps) {
  const set = (patch: Partial<QuestionForm>) => onChange({ ...question, ...patch });
  const options = question.options;
  return (
    <fieldset className="options">
      <legend>Options</legend>
      {options.map((o, i) => (
        <div className="row" key={o.key}>
          <input
            aria-label={`Question ${index + 1}, option ${i + 1}`}
            value={o.label}
            maxLength={LIMITS.optionLabelMax}
            onChange={(e) => set({ options: options.map((x) => (x.key === o.key ? { ...x, label: e.currentTarget.value } : x)) })}
          />
          <button type="button" aria-label={`Remove option ${i + 1}`} disabled={options.length <= LIMITS.optionsMin} onClick={() => set({ options: options.filter((x) => x.key !== o.key) })}>
            ×
          </button>
        </div>
      ))}
      <button type="button" disabled={options.length >= LIMITS.optionsMax} onClick={() => set({ options: [...options, blankOption()] })}>
        Add option
      </button>
      {question.kind === 'multiple' && (
        <div className="row">
          <label>
            Min picks <input type="number" min={0} max={options.length} value={question.minPicks} onChange={(e) => set({ minPicks: toInt(e.currentTarget.value) })} />
          </label>
          <label>
            Max picks <input type="number" min={1} max={options.length} value={question.maxPicks} onChange={(e) => set({ maxPicks: toInt(e.currentTarget.value) })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}

function RatingSettings({ question, onChange }: QuestionEditorProps) {
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

/** Edits one question: prompt, kind, and the kind's options or scale. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { index, question, onChange, onRemove } = props;
  const kindId = useId();
  return (
    <fieldset className="question-editor">
      <legend>Question {index + 1}</legend>
      <label className="stack">
        Question <input value={question.prompt} maxLength={LIMITS.promptMax} onChange={(e) => onChange({ ...question, prompt: e.currentTarget.value })} />
      </label>
      <label className="stack" htmlFor={kindId}>
        Type
      </label>
      <select id={kindId} value={question.kind} onChange={(e) => onChange({ ...question, kind: e.currentTarget.value as QuestionKind })}>
        {(Object.keys(KIND_LABEL) as QuestionKind[]).map((k) => (
          <option key={k} value={k}>
            {KIND_LABEL[k]}
          </option>
        ))}
      </select>
      {question.kind === 'rating' ? <RatingSettings {...props} /> : <ChoiceOptions {...props} />}
      {onRemove && (
        <button type="button" className="link" onClick={onRemove}>
          Remove question {index + 1}
        </button>
      )}
    </fieldset>
  );
}
