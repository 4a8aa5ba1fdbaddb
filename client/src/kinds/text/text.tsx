import { textMax } from '@quorum/shared';
import { defineKindView } from '../kind-view';
import { TextEditor, type TextForm } from './text-editor';
import { TextAnswerInput } from './text-input';
import { TextResults } from './text-results';

/** Open text, short or long: a word cloud and the answers, which hosts may hide. */
export const textView = defineKindView({
  kind: 'text',
  label: 'kind.text',
  form: {
    slot: 'text',
    blank: (): TextForm => ({ variant: 'short' }),
    fromDraft: (q) => ({ variant: q.variant }),
    toDraft: (form) => ({ variant: form.variant }),
  },
  Editor: TextEditor,
  Input: TextAnswerInput,
  Results: ({ question, tally, moderate }) => <TextResults question={question} tally={tally} moderate={moderate} />,
  isBlank: (answer) => answer.kind === 'text' && answer.text.trim() === '',
  blankMessage: (_q, t) => t('ballot.blank.text'),
  invalidMessage: (question, t) => t('ballot.tooLong', { max: textMax(question) }),
});
