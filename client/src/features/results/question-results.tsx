import { tallyKindOf, type Question, type QuestionTally } from '@quorum/shared';
import { FormattedMessage } from 'react-intl';
import { KIND_VIEWS, viewFor } from '../../kinds/registry';
import type { Moderate } from '../../kinds/text/text-results';

interface QuestionResultsProps {
  question: Question;
  tally: QuestionTally | undefined;
  /** Survey questions are numbered, as on the ballot. */
  number?: number | undefined;
  /** Quiz answers are marked once the run is over. */
  revealCorrect: boolean;
  moderate?: Moderate | undefined;
}

function Body({ question, tally, revealCorrect, moderate }: QuestionResultsProps) {
  // A kind added by a newer server than this client knows.
  if (!(question.kind in KIND_VIEWS))
    return (
      <p className="note">
        <FormattedMessage id="results.unknownKind" />
      </p>
    );
  const view = viewFor(question.kind);
  // A tally of another kind than the question's (never from this server) is treated as no votes yet.
  const fits = tally?.kind === tallyKindOf(question.kind);
  return (
    <view.Results
      question={question}
      tally={fits ? tally : undefined}
      revealCorrect={revealCorrect}
      moderate={moderate}
    />
  );
}

/** One question's results, drawn for its kind, under its prompt. */
export function QuestionResults(props: QuestionResultsProps) {
  const { question, number } = props;
  return (
    <figure className="results" data-testid="question-results" data-question-id={question.id} data-kind={question.kind}>
      <figcaption>
        {number !== undefined && <FormattedMessage id="results.questionNumber" values={{ number }} />}
        {question.prompt}
      </figcaption>
      <Body {...props} />
    </figure>
  );
}
