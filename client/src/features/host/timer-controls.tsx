import type { Poll } from '@quorum/shared';
import { useHostRequest } from './host-requests';

const STEPS = [
  { seconds: 30, short: '+30 s', long: '30 seconds' },
  { seconds: 60, short: '+1 min', long: '1 minute' },
] as const;

/** An open poll's timer: extend the deadline (or start one), or stop it so the host closes by hand. */
export function TimerControls({ poll, onError }: { poll: Poll; onError: (message: string | null) => void }) {
  const send = useHostRequest();
  const timed = poll.closesAt !== null;
  const run = async (outcome: Promise<{ error: string } | object>) => {
    const result = await outcome;
    onError('error' in result ? result.error : null);
  };
  return (
    <div className="actions timer" role="group" aria-label="Timer">
      {STEPS.map((s) => (
        <button
          key={s.seconds}
          type="button"
          data-testid={`extend-${s.seconds}`}
          aria-label={timed ? `Add ${s.long} to the timer` : `Close in ${s.long}`}
          onClick={() => void run(send('poll:extend', { pollId: poll.id, seconds: s.seconds }, timed ? `Added ${s.long}.` : `“${poll.title}” closes in ${s.long}.`))}
        >
          {s.short}
        </button>
      ))}
      {timed && (
        <button type="button" data-testid="stop-timer" onClick={() => void run(send('poll:stop-timer', { pollId: poll.id }, 'Timer stopped. Close the poll when you are ready.'))}>
          Stop timer
        </button>
      )}
    </div>
  );
}
