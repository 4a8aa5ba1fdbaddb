import type { QaQuestion, QaSettings } from '@quorum/shared';
import type { QaUpvoteOutcome, QaUpvoteWrite, StoredQa } from './types';

/** A `qa_questions` row from either dialect (SQLite gives 0/1 for booleans, PostgreSQL true/false). */
export interface QaQuestionRow {
  id: string;
  meeting_id: string;
  asker_id: string;
  client_id: string;
  text: string;
  anonymous: number | boolean;
  status: QaQuestion['status'];
  pinned: number | boolean;
  reply: string | null;
  room_id: string | null;
  created_at: number;
  edited_at: number | null;
}

export const QA_QUESTION_COLS =
  'id, meeting_id, asker_id, client_id, text, anonymous, status, pinned, reply, room_id, created_at, edited_at';

export const rowToQuestion = (r: QaQuestionRow): QaQuestion => ({
  id: r.id,
  meetingId: r.meeting_id,
  text: r.text,
  askerId: r.asker_id,
  anonymous: Boolean(r.anonymous),
  status: r.status,
  pinned: Boolean(r.pinned),
  reply: r.reply,
  createdAt: r.created_at,
  editedAt: r.edited_at,
  ...(r.room_id === null ? {} : { roomId: r.room_id }),
  clientId: r.client_id,
});

/** The question's columns in QA_QUESTION_COLS order, booleans as the dialect wants them. */
export const questionParams = (q: QaQuestion, bool: (b: boolean) => number | boolean) => [
  q.id,
  q.meetingId,
  q.askerId,
  q.clientId,
  q.text,
  bool(q.anonymous),
  q.status,
  bool(q.pinned),
  q.reply,
  q.roomId ?? null,
  q.createdAt,
  q.editedAt,
];

/** Builds the stored board from its three reads. */
export function storedQa(
  meeting: { settings: QaSettings | null; version: number } | undefined,
  questions: QaQuestionRow[],
  upvotes: { question_id: string; voter_id: string }[],
): StoredQa {
  const upvoters = new Map<string, Set<string>>();
  for (const { question_id, voter_id } of upvotes) {
    let set = upvoters.get(question_id);
    if (!set) upvoters.set(question_id, (set = new Set()));
    set.add(voter_id);
  }
  return {
    settings: meeting?.settings ?? undefined,
    version: meeting?.version ?? 0,
    questions: questions.map(rowToQuestion),
    upvoters,
  };
}

/**
 * How much to bump each meeting of a batch of staged upvotes: once per meeting, by its number of counted
 * changes, in meeting order, so two batches never take the meetings' row locks in opposite orders.
 */
export function bumpPlan(writes: readonly QaUpvoteWrite[], staged: readonly QaUpvoteOutcome[]): [string, number][] {
  const counts = new Map<string, number>();
  writes.forEach((w, i) =>
    counts.set(w.meetingId, (counts.get(w.meetingId) ?? 0) + (staged[i]!.kind === 'counted' ? 1 : 0)),
  );
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The staged outcomes with their versions, given each meeting's version after the bump: counted changes
 * get the versions leading up to it, in write order; the others the meeting's version.
 */
export function numberOutcomes(
  writes: readonly QaUpvoteWrite[],
  staged: readonly QaUpvoteOutcome[],
  plan: readonly [string, number][],
  finals: ReadonlyMap<string, number>,
): QaUpvoteOutcome[] {
  const next = new Map(plan.map(([m, n]) => [m, finals.get(m)! - n]));
  return staged.map((outcome, i) => {
    if (outcome.kind === 'refused') return outcome;
    const meetingId = writes[i]!.meetingId;
    if (outcome.kind !== 'counted') return { ...outcome, version: finals.get(meetingId)! };
    const version = next.get(meetingId)! + 1;
    next.set(meetingId, version);
    return { ...outcome, version };
  });
}
