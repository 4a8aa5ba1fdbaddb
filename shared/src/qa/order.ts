/** The two orders participants can pick. */
export type QaOrder = 'top' | 'recent';

/** What ordering needs of a question (views carry `upvotes` only when counts are shown). */
export interface Orderable {
  id: string;
  createdAt: number;
  upvotes?: number;
}

/**
 * A total order: Top is most votes first, then the older question first (it waited longer); Recent is
 * newest first. Ties end on the id so every client lays out the same list the same way.
 */
export function compareQuestions(order: QaOrder): (a: Orderable, b: Orderable) => number {
  const byId = (a: Orderable, b: Orderable) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (order === 'recent') return (a, b) => b.createdAt - a.createdAt || byId(b, a);
  return (a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || a.createdAt - b.createdAt || byId(a, b);
}

/** A sorted copy. */
export const orderQuestions = <T extends Orderable>(items: readonly T[], order: QaOrder): T[] =>
  [...items].sort(compareQuestions(order));
