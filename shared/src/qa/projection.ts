import type { QaQuestionView, QaUpdate } from '../schemas/qa';
import { orderQuestions } from './order';
import type { QaBoard, QaQuestion } from './question';

/** Who looks: a host (or co-host), or a participant; without `voterId` the participants' shared view. */
export type QaViewer = { host: true } | { host: false; voterId?: string };

const PUBLIC: ReadonlySet<string> = new Set(['live', 'answered']);

/** Participants see live and answered questions, and their own in every status. */
export const visibleToParticipant = (question: QaQuestion, voterId?: string): boolean =>
  PUBLIC.has(question.status) || (voterId !== undefined && question.askerId === voterId);

function viewOf(
  question: QaQuestion,
  voters: ReadonlySet<string> | undefined,
  viewer: QaViewer,
  counts: boolean,
  names: QaBoard['askerNames'],
) {
  const view: QaQuestionView = {
    id: question.id,
    text: question.text,
    status: question.status,
    pinned: question.pinned,
    reply: question.reply,
    anonymous: question.anonymous,
    createdAt: question.createdAt,
    editedAt: question.editedAt,
  };
  if (counts) view.upvotes = voters?.size ?? 0;
  if (viewer.host) {
    // Anonymous means the asker is never sent to anyone, hosts included; the server alone keeps it.
    if (!question.anonymous) {
      view.askerId = question.askerId;
      const name = names?.get(question.askerId);
      if (name !== undefined) view.askerName = name;
      if (question.roomId !== undefined) view.roomId = question.roomId;
    }
    return view;
  }
  if (viewer.voterId !== undefined && question.askerId === viewer.voterId) view.mine = true;
  if (viewer.voterId !== undefined && voters?.has(viewer.voterId)) view.upvoted = true;
  return view;
}

/**
 * What one viewer may see of the board, in Top order: hosts everything (askers unless anonymous);
 * participants never an asker, never others' waiting, dismissed or archived questions, counts only when
 * the host shows them; their own questions marked, with their status. Counts are needed for the order,
 * so they are taken before they are stripped.
 */
export function qaViewFor(board: QaBoard, viewer: QaViewer): QaUpdate {
  const counts = viewer.host || board.settings.upvotesShown;
  const shown = viewer.host ? board.questions : board.questions.filter((q) => visibleToParticipant(q, viewer.voterId));
  const ranked = orderQuestions(
    shown.map((q) => ({ id: q.id, createdAt: q.createdAt, upvotes: board.upvoters.get(q.id)?.size ?? 0, q })),
    'top',
  );
  return {
    meetingId: board.meetingId,
    version: board.version,
    settings: board.settings,
    questions: ranked.map(({ q }) => viewOf(q, board.upvoters.get(q.id), viewer, counts, board.askerNames)),
  };
}
