import type { QuestionOf } from '@quorum/shared';
import type { Translate } from '../../i18n';

/** The pick-count hint for a multiple-choice question. */
export function picksHint(question: QuestionOf<'multiple'>, t: Translate): string {
  const { minPicks: min, maxPicks: max } = question;
  if (min === max) return t('ballot.pickExactly', { min });
  if (min === 0) return t('ballot.pickUpTo', { max });
  return t('ballot.pickBetween', { min, max });
}

/** Labels and counts of what a choice question counts, in the question's order. */
export const optionScores = (
  question: { options: readonly { id: string; label: string }[] },
  tally: { counts: Record<string, number> },
) => question.options.map((o) => ({ label: o.label, count: tally.counts[o.id] ?? 0 }));
