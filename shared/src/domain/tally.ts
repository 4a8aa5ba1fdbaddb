import type { Ballot } from '../schemas/ballot';
import type { Poll, Question } from '../schemas/poll';
import type { PollTally, QuestionTally } from '../schemas/tally';
import { counterFor, type QuestionCounter } from '../kinds/registry';
import { QuizBoard } from './quiz-board';
import type { RoomPrivacy } from './room-privacy';
import { RoomShares, type RoomKey } from './room-tally';
import { quizRules, type QuizRules } from './quiz';

/** An empty tally for one question: every option, scale value or bucket present with zero. */
export const emptyQuestionTally = (question: Question): QuestionTally => counterFor(question).view();

/**
 * A running tally for one run of a poll, updated per ballot in O(answer size) rather than recounted:
 * the hot path of every vote. `turnout` counts distinct voters across the poll's questions. Quiz
 * polls also keep their standings here, so a ballot updates both in one step.
 */
export class RunningTally {
  private readonly counters: Map<string, QuestionCounter>;
  private readonly questionsByVoter = new Map<string, number>();
  /** The quiz standings, for quiz polls. */
  readonly quiz: QuizBoard | undefined;
  /** Each breakout room's share of the run (the main room's too). */
  readonly rooms: RoomShares;

  constructor(
    readonly pollId: string,
    readonly run: number,
    questions: readonly Question[],
    public version = 0,
    quiz?: QuizRules,
  ) {
    this.counters = new Map(questions.map((q) => [q.id, counterFor(q)]));
    this.quiz = quiz && new QuizBoard(pollId, questions, quiz);
    this.rooms = new RoomShares(questions);
  }

  /**
   * Counts a new ballot, or swaps a replaced one for its successor (also how a hide is applied, and
   * a ballot handed to another voter: a guest who signed in).
   */
  apply(ballot: Ballot, previous?: Ballot): void {
    const counter = this.counters.get(ballot.questionId);
    if (!counter) return;
    if (previous) counter.add(previous, -1);
    if (previous?.voterId !== ballot.voterId) {
      if (previous) this.countVoter(previous.voterId, -1);
      this.countVoter(ballot.voterId, 1);
    }
    counter.add(ballot, 1);
    this.rooms.apply(ballot, previous);
    this.quiz?.apply(ballot, previous);
  }

  private countVoter(voterId: string, sign: 1 | -1): void {
    const left = (this.questionsByVoter.get(voterId) ?? 0) + sign;
    if (left > 0) this.questionsByVoter.set(voterId, left);
    else this.questionsByVoter.delete(voterId);
  }

  /** Whether this voter has a ballot in the run. */
  hasVoted(voterId: string): boolean {
    return this.questionsByVoter.has(voterId);
  }

  get turnout(): number {
    return this.questionsByVoter.size;
  }

  /** Each question's current tally (fresh objects). */
  get questions(): Record<string, QuestionTally> {
    return Object.fromEntries([...this.counters].map(([id, counter]) => [id, counter.view()]));
  }

  /**
   * A self-contained copy for sending; `withResults` false leaves only turnout, `withStandings`
   * adds a quiz's leaderboard. `rooms` adds breakout rooms: 'all' every room's share (for hosts, once
   * a ballot came from a breakout room), a room key that room's share (for a participant in it), each
   * as `rooms.privacy` allows (anonymous polls withhold small rooms: room-privacy.ts).
   */
  snapshot(withResults: boolean, withStandings = false, rooms?: RoomsWanted): PollTally {
    const base: PollTally = { pollId: this.pollId, run: this.run, version: this.version, turnout: this.turnout };
    if (withResults) base.questions = this.questions;
    if (withStandings && this.quiz) base.leaderboard = this.quiz.leaderboard();
    if (rooms && 'all' in rooms && this.rooms.split) base.rooms = this.rooms.shown(withResults, rooms.privacy);
    if (rooms && 'room' in rooms) base.room = this.rooms.shownRoom(rooms.room, withResults, rooms.privacy);
    return base;
  }
}

/**
 * Which rooms' shares a tally snapshot carries: all of them, or the receiver's own; `privacy` is
 * required so no edge can send a room share without the anonymity rule.
 */
export type RoomsWanted = ({ all: true } | { room: RoomKey }) & { privacy: RoomPrivacy };

/** Recounts a run from its ballots: the reference the running tally must always equal. */
export function tallyBallots(
  poll: Pick<Poll, 'id' | 'questions'> & Partial<Pick<Poll, 'settings'>>,
  run: number,
  ballots: readonly Ballot[],
  version = 0,
): RunningTally {
  const tally = new RunningTally(poll.id, run, poll.questions, version, poll.settings && quizRules(poll.settings));
  for (const b of ballots) if (b.run === run) tally.apply(b);
  return tally;
}

/** Distinct voters among the ballots of one run. */
export const turnout = (ballots: readonly Ballot[], run: number): number =>
  new Set(ballots.filter((b) => b.run === run).map((b) => b.voterId)).size;
