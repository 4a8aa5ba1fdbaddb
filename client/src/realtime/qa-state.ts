import { orderQuestions, type QaOrder, type QaQuestionView, type QaUpdate } from '@quorum/shared';

/** The meeting's Q&A as this client knows it, only from server messages and acks. */
export interface QaState {
  /** My audience's list (hosts' or participants' shared copy), newest version. */
  list: QaUpdate | null;
  /** My own questions in every status (snapshot, `qa:mine`), newest version. */
  mine: QaUpdate | null;
  /** The questions I upvoted, by id (the snapshot's flags, then my acks). */
  upvoted: Record<string, true>;
}

export type QaAction =
  | { type: 'qa:snapshot'; qa: QaUpdate | undefined }
  | { type: 'qa:update'; update: QaUpdate }
  | { type: 'qa:mine'; mine: QaUpdate }
  /** An ask or edit acknowledged: my question shows at once, before the coalesced broadcast. */
  | { type: 'qa:asked'; question: QaQuestionView }
  | { type: 'qa:upvoted'; questionId: string; up: boolean }
  | { type: 'qa:withdrawn'; questionId: string };

export const initialQaState: QaState = { list: null, mine: null, upvoted: {} };

/** The newer of two copies: versions only grow, and messages from several instances may cross. */
const newer = (known: QaUpdate | null, next: QaUpdate): QaUpdate =>
  known && known.version > next.version ? known : next;

const upsert = (update: QaUpdate | null, question: QaQuestionView): QaUpdate | null =>
  update && {
    ...update,
    questions: [...update.questions.filter((q) => q.id !== question.id), question],
  };

const without = (update: QaUpdate | null, questionId: string): QaUpdate | null =>
  update && { ...update, questions: update.questions.filter((q) => q.id !== questionId) };

/** The pure Q&A reducer; a snapshot replaces everything (after a reconnect it is the whole truth). */
export function qaReducer(state: QaState, action: QaAction): QaState {
  switch (action.type) {
    case 'qa:snapshot': {
      const qa = action.qa ?? null;
      const upvoted = Object.fromEntries(
        (qa?.questions ?? []).filter((q) => q.upvoted).map((q) => [q.id, true as const]),
      );
      return { list: qa, mine: qa && { ...qa, questions: qa.questions.filter((q) => q.mine) }, upvoted };
    }
    case 'qa:update':
      return { ...state, list: newer(state.list, action.update) };
    case 'qa:mine':
      return { ...state, mine: newer(state.mine, action.mine) };
    case 'qa:asked':
      return { ...state, mine: upsert(state.mine, { ...action.question, mine: true }) };
    case 'qa:withdrawn':
      return { ...state, list: without(state.list, action.questionId), mine: without(state.mine, action.questionId) };
    case 'qa:upvoted': {
      const { [action.questionId]: _was, ...rest } = state.upvoted;
      return { ...state, upvoted: action.up ? { ...rest, [action.questionId]: true } : rest };
    }
  }
}

/**
 * The list to show, in the chosen order: my audience's list with my own questions merged in (those
 * waiting or dismissed are only in mine; of a question in both, the newer copy wins) and my upvotes
 * marked.
 */
export function qaQuestions(state: QaState, order: QaOrder): QaQuestionView[] {
  const byId = new Map<string, QaQuestionView>();
  for (const q of state.list?.questions ?? []) byId.set(q.id, q);
  const mineIsNewer = (state.mine?.version ?? -1) >= (state.list?.version ?? -1);
  for (const q of state.mine?.questions ?? []) {
    const shared = byId.get(q.id);
    byId.set(q.id, shared && !mineIsNewer ? { ...shared, mine: true } : { ...q, mine: true });
  }
  const marked = [...byId.values()].map((q) => {
    const { upvoted: _flag, ...rest } = q;
    return state.upvoted[q.id] ? { ...rest, upvoted: true as const } : rest;
  });
  // Top follows the server's order when counts are hidden: it sends each list already ranked.
  if (order === 'top' && marked.some((q) => q.upvotes === undefined)) return rankLike(state.list, marked);
  return orderQuestions(marked, order);
}

/** The server's Top ranking of the shared list, my own extra questions after it. */
function rankLike(list: QaUpdate | null, questions: QaQuestionView[]): QaQuestionView[] {
  const rank = new Map((list?.questions ?? []).map((q, i) => [q.id, i]));
  const at = (q: QaQuestionView) => rank.get(q.id) ?? Number.MAX_SAFE_INTEGER;
  return [...questions].sort((a, b) => at(a) - at(b) || a.createdAt - b.createdAt);
}

/** How many questions wait in the review queue (the host's badge). */
export const qaQueueLength = (state: QaState): number =>
  (state.list?.questions ?? []).filter((q) => q.status === 'waiting').length;
