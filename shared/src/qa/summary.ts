import { z } from 'zod';
import { qaStatusSchema, type QaStatus } from '../schemas/qa';
import { orderQuestions } from './order';
import type { QaQuestion } from './question';

/** How many questions the meeting report lists (the exports have them all). */
export const QA_REPORT_TOP = 10;

/**
 * A meeting's audience Q&A in its report, email and outgoing webhooks: counts per status and the most
 * upvoted questions with their answers. Aggregates and question texts only, never who asked.
 */
export const qaSummarySchema = z.strictObject({
  asked: z.number().int().min(0),
  byStatus: z.record(qaStatusSchema, z.number().int().min(0)),
  upvotes: z.number().int().min(0),
  top: z.array(
    z.strictObject({
      text: z.string(),
      upvotes: z.number().int().min(0),
      status: qaStatusSchema,
      reply: z.string().nullable(),
    }),
  ),
});
export type QaSummary = z.infer<typeof qaSummarySchema>;

const STATUSES: readonly QaStatus[] = qaStatusSchema.options;

/** The summary of a meeting's questions; null when nobody asked anything (the report then leaves Q&A out). */
export function summarizeQa(
  questions: readonly QaQuestion[],
  upvoters: ReadonlyMap<string, ReadonlySet<string>>,
  top = QA_REPORT_TOP,
): QaSummary | null {
  if (questions.length === 0) return null;
  const votes = (id: string) => upvoters.get(id)?.size ?? 0;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, questions.filter((q) => q.status === s).length]));
  // Dismissed questions stay counted but are never quoted: a host set them aside.
  const quotable = questions.filter((q) => q.status !== 'dismissed').map((q) => ({ ...q, upvotes: votes(q.id) }));
  return {
    asked: questions.length,
    byStatus: byStatus as Record<QaStatus, number>,
    upvotes: questions.reduce((sum, q) => sum + votes(q.id), 0),
    top: orderQuestions(quotable, 'top')
      .slice(0, top)
      .map((q) => ({ text: q.text, upvotes: q.upvotes, status: q.status, reply: q.reply })),
  };
}
