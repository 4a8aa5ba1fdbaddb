import { KINDS } from '../kinds/registry';
import type { Question, QuestionOf } from '../schemas/poll';

// Tests build their questions from the registry's example of each kind, so a test names only what it
// is about (the options, the scale) and a new kind's example reaches every suite at once.

/** Options with these ids, each labelled by its id in capitals ('a' → 'A'). */
export const options = (...ids: string[]): { id: string; label: string }[] =>
  ids.map((id) => ({ id, label: id.toUpperCase() }));

/** The registry's example question of `kind` (id q1), with `over` replacing whatever the test is about. */
export function question<K extends Question['kind']>(kind: K, over: Partial<QuestionOf<K>> = {}): QuestionOf<K> {
  return { ...(KINDS[kind].example as QuestionOf<K>), ...over };
}
