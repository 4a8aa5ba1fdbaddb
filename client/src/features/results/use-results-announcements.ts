import { useEffect, useMemo, useRef } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { isHostRole, type Poll } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useT, type Translate } from '../../i18n';
import { createThrottledAnnouncer, type ThrottledAnnouncer } from '../../components/announcer-throttle';
import { currentTally, type MeetingState } from '../../realtime/meeting-state';
import { summarizeResults } from './results-summary';

interface Seen {
  status: Poll['status'];
  run: number;
  live: string | null;
  closed: string;
}

/** Tells the live region what changed about one poll since it was last seen. */
function announceChange(speak: Speakers, poll: Poll, before: Seen | undefined, now: Seen): void {
  const launched = now.status === 'open' && (before?.status !== 'open' || before.run !== now.run);
  // Hosts hear their own launch from the launch request; participants hear that a new ballot is there.
  if (launched && !speak.host)
    return speak.now(
      speak.t(before?.status === 'closed' ? 'a11y.poll.reopened' : 'a11y.poll.new', { title: poll.title }),
    );
  // Closing, and later words about a closed poll (results shared, the quiz standings arriving after the close).
  const closing = before?.status === 'open' && now.status === 'closed';
  if (closing || (before?.status === 'closed' && now.status === 'closed' && before.closed !== now.closed))
    return speak.throttled.final(poll.id, now.closed);
  if (now.status === 'open' && now.live !== null && before?.live !== now.live)
    speak.throttled.update(poll.id, now.live);
}

interface Speakers {
  throttled: ThrottledAnnouncer;
  now: (message: string) => void;
  t: Translate;
  host: boolean;
}

/**
 * Announces results through the polite live region at a listenable rate: who leads as votes arrive (at
 * most once per poll every few seconds, never once per tally), "Poll closed" with the winner at the end,
 * and new ballots to participants. What the view showed when it opened is not read out.
 */
export function useResultsAnnouncements(): void {
  const state = useMeetingState();
  const announce = useAnnounce();
  const intl = useIntl();
  const t = useT();
  const out = useMemo(() => createThrottledAnnouncer(announce), [announce]);
  useEffect(() => () => out.dispose(), [out]);
  const seen = useRef<Map<string, Seen> | null>(null);
  useEffect(() => {
    if (!state.session) return;
    const next = snapshot(intl, state);
    const previous = seen.current;
    seen.current = new Map([...next].map(([id, s]) => [id, s.seen]));
    if (!previous) return;
    const speak: Speakers = { throttled: out, now: announce, t, host: isHostRole(state.session.role) };
    for (const [id, { poll, seen: now }] of next) {
      // A participant who cannot see results hears the new ballot and the close, not every turnout.
      const shown = speak.host || currentTally(state, poll)?.questions !== undefined ? now : { ...now, live: null };
      announceChange(speak, poll, previous.get(id), shown);
    }
    // `t` is new on each render, so this runs after every render: `seen` keeps it from repeating itself.
  }, [state, out, announce, intl, t]);
}

/** Each launched poll with what would be said about it now. */
function snapshot(intl: IntlShape, state: MeetingState): Map<string, { poll: Poll; seen: Seen }> {
  const launched = Object.values(state.polls).filter((p) => p.status !== 'draft');
  return new Map(
    launched.map((poll) => {
      const summary = summarizeResults(intl, poll, currentTally(state, poll));
      return [
        poll.id,
        { poll, seen: { status: poll.status, run: poll.run, live: summary.live, closed: summary.closed } },
      ];
    }),
  );
}

/** Renders nothing: mounts the results announcements inside the meeting view. */
export function ResultsAnnouncer(): null {
  useResultsAnnouncements();
  return null;
}
