import type { Answer, Ballot } from '../schemas/ballot';
import type { Poll, Question } from '../schemas/poll';
import type { PollTally, QuestionTally } from '../schemas/tally';

/** An empty tally for one question: every option or scale value present with zero. */
export function emptyQuestionTally(question: Question): QuestionTally {
  if (question.kind === 'rating') {
    const counts: Record<string, number> = {};
    for (let v = question.min; v <= question.max; v++) counts[String(v)] = 0;
    return { kind: 'rating', voters: 0, counts, sum: 0 };
  }
  return { kind: 'choice', voters: 0, counts: Object.fromEntries(question.options.map((o) => [o.id, 0])) };
}

/** Adds (`sign` 1) or removes (`sign` -1) one answer, in place. Only the tally's owner calls this. */
function applyAnswer(tally: QuestionTally, answer: Answer, sign: 1 | -1): void {
  tally.voters += sign;
  const bump = (key: string) => {
    tally.counts[key] = (tally.counts[key] ?? 0) + sign;
  };
  switch (answer.kind) {
    case 'single':
      bump(answer.optionId);
      return;
    case 'multiple':
      answer.optionIds.forEach(bump);
      return;
    case 'rating':
      bump(String(answer.value));
      if (tally.kind === 'rating') tally.sum += sign * answer.value;
      return;
  }
}

/**
 * A running tally for one run of a poll, updated per ballot in O(answer size) rather than recounted:
 * the hot path of every vote. `turnout` counts distinct voters across the poll's questions.
 */
export class RunningTally {
  readonly questions: Record<string, QuestionTally>;
  private readonly questionsByVoter = new Map<string, number>();

  constructor(
    readonly pollId: string,
    readonly run: number,
    questions: readonly Question[],
    public version = 0,
  ) {
    this.questions = Object.fromEntries(questions.map((q) => [q.id, emptyQuestionTally(q)]));
  }

  /** Counts a new ballot, or swaps a replaced one for its successor. */
  apply(ballot: Ballot, previous?: Ballot): void {
    const q = this.questions[ballot.questionId];
    if (!q) return;
    if (previous) applyAnswer(q, previous.answer, -1);
    else this.questionsByVoter.set(ballot.voterId, (this.questionsByVoter.get(ballot.voterId) ?? 0) + 1);
    applyAnswer(q, ballot.answer, 1);
  }

  get turnout(): number {
    return this.questionsByVoter.size;
  }

  /** A self-contained copy for sending; `withResults` false leaves only turnout. */
  snapshot(withResults: boolean): PollTally {
    const base = { pollId: this.pollId, run: this.run, version: this.version, turnout: this.turnout };
    return withResults ? { ...base, questions: structuredClone(this.questions) } : base;
  }
}

/** Recounts a run from its ballots: the reference the running tally must always equal. */
export function tallyBallots(poll: Pick<Poll, 'id' | 'questions'>, run: number, ballots: readonly Ballot[], version = 0): RunningTally {
  const tally = new RunningTally(poll.id, run, poll.questions, version);
  for (const b of ballots) if (b.run === run) tally.apply(b);
  return tally;
}

/** Distinct voters among the ballots of one run. */
export const turnout = (ballots: readonly Ballot[], run: number): number =>
  new Set(ballots.filter((b) => b.run === run).map((b) => b.voterId)).size;
