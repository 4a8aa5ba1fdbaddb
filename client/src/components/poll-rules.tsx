import type { Poll, ResultsVisibility } from '@quorum/shared';
import { useT, type MessageId } from '../i18n';

const WHEN_RESULTS = {
  live: 'rules.resultsLive',
  after_close: 'rules.resultsAfterClose',
  host_only: 'rules.resultsHostOnly',
} as const satisfies Record<ResultsVisibility, MessageId>;

type RuleSettings = Pick<Poll['settings'], 'anonymous' | 'allowAnswerChange' | 'resultsVisibility'>;

/** The rules of a poll as one short line: who sees what, whether answers can change, when results appear. */
export function pollRules(poll: { settings: RuleSettings }) {
  const { anonymous, allowAnswerChange, resultsVisibility } = poll.settings;
  return [
    anonymous ? ('rules.anonymous' as const) : ('rules.named' as const),
    allowAnswerChange ? ('rules.canChange' as const) : ('rules.final' as const),
    WHEN_RESULTS[resultsVisibility],
  ];
}

/**
 * Tells people the rules before they vote (Slido and Poll Everywhere do; a surprise "named" poll
 * costs trust): the same line on the ballot and on the host's card.
 */
export function PollRules({ poll }: { poll: Pick<Poll, 'settings'> }) {
  const t = useT();
  return (
    <p className="note poll-rules" data-testid="poll-rules">
      {pollRules(poll)
        .map((id) => t(id))
        .join(' · ')}
    </p>
  );
}
