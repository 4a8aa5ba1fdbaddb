import type { QuestionKind } from '@quorum/shared';
import { multipleView } from './choice/multiple';
import { singleView } from './choice/single';
import type { KindTypedParts, KindView } from './kind-view';
import { numberView } from './number/number';
import { rankView } from './rank/rank';
import { ratingView } from './rating/rating';
import { textView } from './text/text';

/**
 * Every question kind's view, once: its composer form and editor, ballot input and results. The shared
 * registry (shared/src/kinds) owns the rules; this one what people see. A new kind is its folder here,
 * its module there, one line in each registry, and its catalog entries.
 */
export const KIND_VIEWS = {
  single: singleView,
  multiple: multipleView,
  rating: ratingView,
  rank: rankView,
  text: textView,
  number: numberView,
} satisfies { [K in QuestionKind]: KindTypedParts<K> };

/** The kinds in the order the composer offers them. */
export const KIND_ORDER = Object.keys(KIND_VIEWS) as QuestionKind[];

/**
 * A kind's view for code that handles a question of any kind: its question, answer and tally types are
 * the unions, which is sound because a question only ever meets its own kind's view. TypeScript cannot
 * follow a kind through a union-typed lookup, so this is the one place that says so.
 */
export const viewFor = (kind: QuestionKind): KindView<QuestionKind, unknown> =>
  KIND_VIEWS[kind] as unknown as KindView<QuestionKind, unknown>;
