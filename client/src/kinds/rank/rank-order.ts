import type { Answer, QuestionOf } from '@quorum/shared';

/** The list with the item at `from` moved to `to` (clamped to the list); the input is not changed. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (from < 0 || from >= items.length || from === target) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1) as [T];
  next.splice(target, 0, moved);
  return next;
}

/** A rank question's order as shown: the voter's order once they touched it, else the question's. */
export const rankOrder = (question: QuestionOf<'rank'>, answer: Answer | undefined): string[] =>
  answer?.kind === 'rank' ? answer.optionIds : question.options.map((o) => o.id);
