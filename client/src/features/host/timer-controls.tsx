import type { Poll } from '@quorum/shared';
import { useIntl } from 'react-intl';
import { spokenDuration } from '../../i18n';
import { useHostRequest } from './host-requests';

const STEPS = [
  { seconds: 30, unit: 'second', amount: 30 },
  { seconds: 60, unit: 'minute', amount: 1 },
] as const;

/** An open poll's timer: extend the deadline (or start one), or stop it so the host closes by hand. */
export function TimerControls({ poll, onError }: { poll: Poll; onError: (message: string | null) => void }) {
  const send = useHostRequest();
  const intl = useIntl();
  const t = intl.formatMessage;
  const timed = poll.closesAt !== null;
  const run = async (outcome: Promise<{ error: string } | object>) => {
    const result = await outcome;
    onError('error' in result ? result.error : null);
  };
  return (
    <div className="actions timer" role="group" aria-label={t({ id: 'timer.label' })}>
      {STEPS.map((s) => {
        const long = spokenDuration(intl, s.seconds * 1000);
        return (
          <button
            key={s.seconds}
            type="button"
            data-testid={`extend-${s.seconds}`}
            aria-label={t({ id: timed ? 'timer.addLong' : 'timer.closeInLong' }, { time: long })}
            onClick={() =>
              void run(
                send(
                  'poll:extend',
                  { pollId: poll.id, seconds: s.seconds },
                  timed
                    ? t({ id: 'timer.added' }, { time: long })
                    : t({ id: 'timer.closesIn' }, { title: poll.title, time: long }),
                ),
              )
            }
          >
            {t(
              { id: 'timer.short' },
              { amount: intl.formatNumber(s.amount, { style: 'unit', unit: s.unit, unitDisplay: 'short' }) },
            )}
          </button>
        );
      })}
      {timed && (
        <button
          type="button"
          data-testid="stop-timer"
          onClick={() => void run(send('poll:stop-timer', { pollId: poll.id }, t({ id: 'timer.stopped' })))}
        >
          {t({ id: 'timer.stop' })}
        </button>
      )}
    </div>
  );
}
