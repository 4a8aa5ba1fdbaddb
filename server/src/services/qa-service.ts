import {
  applyUpvote,
  askQuestion,
  editQuestion,
  fail,
  isHostRole,
  moderate,
  ok,
  patchQaSettings,
  qaViewFor,
  upvoteAllowed,
  withdrawQuestion,
  type QaAsk,
  type QaBoard,
  type QaContext,
  type QaEdit,
  type QaModerate,
  type QaQuestion,
  type QaQuestionView,
  type QaSettings,
  type QaSettingsPatch,
  type QaUpdate,
  type QaUpvote,
  type QaViewer,
  type Result,
} from '@quorum/shared';
import type { Session } from '../session/session-token';
import type { QaUpvoteOutcome, QaUpvoteWrite, Store } from '../store/types';
import { TurnBatcher } from './ballot-batcher';
import type { MeetingAccess } from './meeting-access';
import { QaBoards } from './qa-boards';

/** Told of every committed Q&A change: the meeting, its version, and whose own questions changed. */
export interface QaEvents {
  qaChanged(meetingId: string, version: number, askers: readonly string[]): void;
}

export interface QaServiceDeps {
  store: Store;
  access: MeetingAccess;
  events: QaEvents;
  ctx: () => QaContext;
}

/** How a session looks at the board: hosts and co-hosts see the host view. */
/** A named question: its asker may be named to hosts. */
const isNamed = (question: QaQuestion): boolean => !question.anonymous;

export const viewerOf = (session: Session): QaViewer =>
  isHostRole(session.role) ? { host: true } : { host: false, voterId: session.voterId };

const notFound = () => fail('NOT_FOUND', 'no such question in this meeting', 'questionId');

/** Audience Q&A: load the board → pure rule → one store transaction → events (after commit) → ack. */
export class QaService {
  readonly boards: QaBoards;

  /** Upvotes of one event-loop turn share one transaction (one fsync), as ballots do. */
  private readonly upvotes: TurnBatcher<QaUpvoteWrite, { write: QaUpvoteWrite; outcome: QaUpvoteOutcome }>;

  constructor(private readonly deps: QaServiceDeps) {
    this.boards = new QaBoards(deps.store);
    const writeMany = async (writes: readonly QaUpvoteWrite[]) =>
      (await deps.store.qa.upvoteMany(writes)).map((outcome, i) => ({ write: writes[i]!, outcome }));
    this.upvotes = new TurnBatcher(writeMany, ({ write, outcome }) => {
      if (outcome.kind === 'counted') this.counted(write, outcome.version);
    });
  }

  /** What the session may see now (the snapshot's Q&A part). */
  async view(session: Session): Promise<QaUpdate> {
    return qaViewFor(await this.boards.get(session.meetingId), viewerOf(session));
  }

  async ask(session: Session, input: QaAsk): Promise<Result<{ question: QaQuestionView }>> {
    const board = await this.boards.get(session.meetingId);
    const asker = {
      voterId: session.voterId,
      meetingId: session.meetingId,
      ...(session.roomId ? { roomId: session.roomId } : {}),
    };
    const asked = askQuestion(board.settings, input, asker, { ...this.deps.ctx(), held: board.questions.length });
    if (!asked.ok) return asked;
    // Read before the commit, so the hosts' first sight of the question already names its asker.
    const names = isNamed(asked.data) ? await this.boards.namesOf(board.meetingId, [asked.data.askerId]) : undefined;
    const { question, duplicate, version } = await this.deps.store.qa.ask(asked.data);
    if (!duplicate)
      this.commit(board.meetingId, version, [question.askerId], (b) => ({
        ...b,
        questions: [...b.questions, question],
        askerNames: names?.size ? new Map([...(b.askerNames ?? []), ...names]) : b.askerNames,
      }));
    return ok({ question: this.viewOne(board, question, session) });
  }

  async edit(session: Session, input: QaEdit): Promise<Result<{ question: QaQuestionView }>> {
    const board = await this.boards.get(session.meetingId);
    const question = board.questions.find((q) => q.id === input.questionId);
    if (!question) return notFound();
    const edited = editQuestion(board.settings, question, session.voterId, input.text, this.deps.ctx().now);
    if (!edited.ok) return edited;
    await this.save(board, [edited.data]);
    return ok({ question: this.viewOne(board, edited.data, session) });
  }

  async withdraw(session: Session, input: { questionId: string }): Promise<Result<{ questionId: string }>> {
    const board = await this.boards.get(session.meetingId);
    const question = board.questions.find((q) => q.id === input.questionId);
    if (!question) return notFound();
    const allowed = withdrawQuestion(board.settings, question, session.voterId);
    if (!allowed.ok) return allowed;
    const version = await this.deps.store.qa.withdraw(board.meetingId, question.id);
    this.commit(board.meetingId, version, [question.askerId], (b) => {
      const upvoters = new Map(b.upvoters);
      upvoters.delete(question.id);
      return { ...b, questions: b.questions.filter((q) => q.id !== question.id), upvoters };
    });
    return ok({ questionId: question.id });
  }

  async upvote(session: Session, input: QaUpvote): Promise<Result<{ questionId: string; up: boolean }>> {
    const board = await this.boards.get(session.meetingId);
    const allowed = upvoteAllowed(
      board,
      board.questions.find((q) => q.id === input.questionId),
      session.voterId,
    );
    if (!allowed.ok) return allowed;
    const { outcome } = await this.upvotes.write({ meetingId: board.meetingId, voterId: session.voterId, ...input });
    // Refused under the store's lock: a host's dismissal (perhaps on another instance) committed first.
    if (outcome.kind === 'refused')
      return fail('QUESTION_LOCKED', 'this question no longer takes upvotes', 'questionId');
    return ok({ questionId: input.questionId, up: outcome.up });
  }

  /** Hosts (with the co-host rule): moderation, all or nothing. */
  async moderate(session: Session, input: QaModerate): Promise<Result<{ questions: QaQuestionView[] }>> {
    const allowed = await this.deps.access.mayRun(session);
    if (!allowed.ok) return allowed;
    const board = await this.boards.get(session.meetingId);
    const changed = moderate(board.questions, input);
    if (!changed.ok) return changed;
    if (changed.data.length > 0) await this.save(board, changed.data);
    return ok({ questions: changed.data.map((q) => this.viewOne(board, q, session)) });
  }

  /**
   * Moves `from`'s questions and upvotes in the meeting to `to` (a guest who signed in keeps them, and
   * one vote per question; a user back after removing the app gets theirs back from the pseudonym).
   */
  async transferVoter(from: string, to: string, meetingId: string): Promise<void> {
    const version = await this.deps.store.qa.transferVoter(from, to, meetingId);
    if (version === undefined) return;
    this.boards.behind(meetingId, version);
    this.deps.events.qaChanged(meetingId, version, [to]);
  }

  /** Commits the upvotes still queued (graceful shutdown: their acks go out before the sockets close). */
  drain(): Promise<void> {
    return this.upvotes.flush();
  }

  /** Hosts (with the co-host rule): Q&A on or off and its settings. */
  async settings(session: Session, patch: QaSettingsPatch): Promise<Result<{ settings: QaSettings }>> {
    const allowed = await this.deps.access.mayRun(session);
    if (!allowed.ok) return allowed;
    const board = await this.boards.get(session.meetingId);
    const settings = patchQaSettings(board.settings, patch);
    const version = await this.deps.store.qa.putSettings(board.meetingId, settings);
    this.commit(board.meetingId, version, [], (b) => ({ ...b, settings }));
    return ok({ settings });
  }

  /** A counted upvote, applied right after its commit and in commit order, so the cache can follow it. */
  private counted({ meetingId, questionId, voterId, up }: QaUpvoteWrite, version: number): void {
    this.commit(meetingId, version, [], (b) => {
      const upvoters = new Map(b.upvoters);
      upvoters.set(questionId, applyUpvote(b.upvoters.get(questionId) ?? new Set(), voterId, up));
      return { ...b, upvoters };
    });
  }

  private async save(board: QaBoard, changed: QaQuestion[]): Promise<void> {
    const version = await this.deps.store.qa.save(board.meetingId, changed);
    const byId = new Map(changed.map((q) => [q.id, q]));
    const askers = [...new Set(changed.map((q) => q.askerId))];
    this.commit(board.meetingId, version, askers, (b) => ({
      ...b,
      questions: b.questions.map((q) => byId.get(q.id) ?? q),
    }));
  }

  private commit(meetingId: string, version: number, askers: string[], change: (b: QaBoard) => QaBoard): void {
    this.boards.committed(meetingId, version, change);
    this.deps.events.qaChanged(meetingId, version, askers);
  }

  /** One question as this session sees it (the ack of its own request). */
  private viewOne(board: QaBoard, question: QaQuestion, session: Session): QaQuestionView {
    return qaViewFor({ ...board, questions: [question] }, viewerOf(session)).questions[0]!;
  }
}
