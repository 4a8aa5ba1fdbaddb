import { textMax } from '@quorum/shared';
import { useT } from '../../i18n';
import type { KindInputProps } from '../kind-view';

/** Open text with a live "n / max" counter; the limit counts characters as people do (code points). */
export function TextAnswerInput({
  question,
  answer,
  onChange,
  labelledBy,
  describedBy,
  invalid,
  required,
}: KindInputProps<'text'>) {
  const text = answer?.kind === 'text' ? answer.text : '';
  const max = textMax(question);
  const used = [...text].length;
  const counterId = `${labelledBy}-counter`;
  const t = useT();
  const common = {
    value: text,
    'aria-labelledby': labelledBy,
    'aria-describedby': [counterId, describedBy].filter(Boolean).join(' '),
    'aria-invalid': invalid || used > max,
    'aria-required': required,
    onChange: (e: { currentTarget: { value: string } }) => onChange({ kind: 'text', text: e.currentTarget.value }),
  };
  return (
    <>
      {question.variant === 'long' ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type="text" autoComplete="off" {...common} />
      )}
      <p className={`note counter${used > max ? ' over' : ''}`} id={counterId}>
        {t('ballot.counter', { used, max })}
      </p>
    </>
  );
}
