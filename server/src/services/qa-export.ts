import { orderQuestions, roomLabel, roomNumbers, type QaQuestion } from '@quorum/shared';
import type { StoredQa } from '../store/types';
import { csvDocument, csvRow } from './csv-export';
import type { VoterLabels } from './voter-directory';

/** One question in the host's Q&A export; the asker and room only where the question was not anonymous. */
export interface ExportedQuestion {
  id: string;
  text: string;
  status: QaQuestion['status'];
  upvotes: number;
  pinned: boolean;
  reply: string | null;
  askedAt: string;
  editedAt: string | null;
  anonymous: boolean;
  room?: string;
  asker?: string;
  askerName?: string;
  askerEmail?: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Every question of the meeting, most upvoted first, as the hosts may see it: an anonymous question
 * carries no asker and no room (a room of one would name them), exactly as in the live host view.
 */
export function exportedQuestions(qa: StoredQa, labels: VoterLabels): ExportedQuestion[] {
  const votes = (id: string) => qa.upvoters.get(id)?.size ?? 0;
  const numbers = roomNumbers(qa.questions.filter((q) => !q.anonymous).map((q) => q.roomId ?? null));
  const ordered = orderQuestions(
    qa.questions.map((q) => ({ ...q, upvotes: votes(q.id) })),
    'top',
  );
  return ordered.map((q) => {
    const row: ExportedQuestion = {
      id: q.id,
      text: q.text,
      status: q.status,
      upvotes: q.upvotes,
      pinned: q.pinned,
      reply: q.reply,
      askedAt: iso(q.createdAt)!,
      editedAt: iso(q.editedAt),
      anonymous: q.anonymous,
    };
    if (q.anonymous) return row;
    const label = labels(q.askerId);
    return {
      ...row,
      // A room column only once named questions came from breakout rooms, as in the poll exports.
      ...(numbers.size > 0 ? { room: roomLabel(q.roomId ?? null, numbers) } : {}),
      asker: q.askerId,
      ...(label.name ? { askerName: label.name } : {}),
      ...(label.email ? { askerEmail: label.email } : {}),
    };
  });
}

/** The same rows as CSV (formulas defused like every export). */
export function exportQaCsv(rows: readonly ExportedQuestion[]): string {
  const header = [
    'question',
    'status',
    'upvotes',
    'pinned',
    'reply',
    'asked_at',
    'edited_at',
    'room',
    'asker',
    'asker_name',
    'asker_email',
  ];
  return csvDocument([
    csvRow(header),
    ...rows.map((q) =>
      csvRow([
        q.text,
        q.status,
        q.upvotes,
        q.pinned ? 'yes' : '',
        q.reply ?? '',
        q.askedAt,
        q.editedAt ?? '',
        q.room ?? '',
        q.asker ?? '',
        q.askerName ?? '',
        q.askerEmail ?? '',
      ]),
    ),
  ]);
}
