import { useId } from 'react';
import { LIMITS, type QuestionKind } from '@quorum/shared';
import { useT } from '../../i18n';
import { KIND_ORDER, KIND_VIEWS, viewFor } from '../../kinds/registry';
import { useFieldFault } from '../../components/field-fault';
import { kindForm, switchKind, withKindForm, type QuestionForm } from './question-form';

interface QuestionEditorProps {
  index: number;
  question: QuestionForm;
  onChange: (question: QuestionForm) => void;
  onRemove?: (() => void) | undefined;
  /** Quiz polls let the host mark the correct options of choice questions. */
  quiz: boolean;
}

/** The current kind's own editor, on the kind's own form. */
function KindFields({ index, question, onChange, quiz }: QuestionEditorProps) {
  const { Editor } = viewFor(question.kind);
  return (
    <Editor
      index={index}
      quiz={quiz}
      form={kindForm(question)}
      onChange={(form) => onChange(withKindForm(question, form))}
    />
  );
}

/** Edits one question: prompt, kind, required, and the kind's options, scale, length or range. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { index, question, onChange, onRemove } = props;
  const kindId = useId();
  const t = useT();
  const promptFault = useFieldFault(`questions.${index}.prompt`);
  return (
    <fieldset className="question-editor" data-testid="question-editor">
      <legend>{t('editor.questionN', { n: index + 1 })}</legend>
      <label className="stack">
        {t('editor.question')}{' '}
        <input
          {...promptFault.props}
          value={question.prompt}
          maxLength={LIMITS.promptMax}
          onChange={(e) => onChange({ ...question, prompt: e.currentTarget.value })}
        />
      </label>
      {promptFault.message}
      <label className="stack" htmlFor={kindId}>
        {t('editor.type')}
      </label>
      <select
        id={kindId}
        value={question.kind}
        onChange={(e) => onChange(switchKind(question, e.currentTarget.value as QuestionKind))}
      >
        {KIND_ORDER.map((k) => (
          <option key={k} value={k}>
            {t(KIND_VIEWS[k].label)}
          </option>
        ))}
      </select>
      <label className="choice">
        <input
          type="checkbox"
          checked={question.required}
          onChange={(e) => onChange({ ...question, required: e.currentTarget.checked })}
        />{' '}
        {t('editor.required')}
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
