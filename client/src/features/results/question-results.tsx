import type { Question, QuestionTally } from '@quorum/shared';
import { FormattedMessage } from 'react-intl';
import { NumberResults } from './number-results';
import { RankResults } from './rank-results';
import { ResultBars } from './result-bars';
import { TextResults, type Moderate } from './text-results';

interface QuestionResultsProps {
  question: Question;
  tally: QuestionTally | undefined;
  /** Survey questions are numbered, as on the ballot. */
  number?: number | undefined;
  /** Quiz answers are marked once the run is over. */
  revealCorrect: boolean;
  moderate?: Moderate | undefined;
}

/** A tally of another kind than the question's (never from this server) is treated as no votes yet. */
const ofKind = <K extends QuestionTally['kind']>(tally: QuestionTally | undefined, kind: K) =>
  tally?.kind === kind ? (tally as Extract<QuestionTally, { kind: K }>) : undefined;

function Body({ question, tally, revealCorrect, moderate }: QuestionResultsProps) {
  switch (question.kind) {
    case 'single':
    case 'multiple':
    case 'rating':
      return <ResultBars question={question} tally={tally} revealCorrect={revealCorrect} />;
    case 'rank':
      return <RankResults question={question} tally={ofKind(tally, 'rank')} final={revealCorrect} />;
    case 'text':
      return <TextResults question={question} tally={ofKind(tally, 'text')} moderate={moderate} />;
    case 'number':
      return <NumberResults question={question} tally={ofKind(tally, 'number')} />;
    default:
      // A kind added by a newer server than this client knows.
      return <p className="note">
          <FormattedMessage id="results.unknownKind" />
        </p>;
  }
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
