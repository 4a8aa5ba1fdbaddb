import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { spokenDuration } from '../i18n';
import { formatRemaining, remainingMs } from '../realtime/server-clock';

/** The last seconds, shown urgent: people notice a poll about to close, not one that closed. */
export const URGENT_MS = 10_000;

/** "Closes in m:ss" for a server-clock deadline, corrected by the client's measured clock offset. */
export function Countdown({ closesAt, clockOffsetMs }: { closesAt: number; clockOffsetMs: number }) {
  const intl = useIntl();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Four ticks a second: the shown second changes within 250 ms of the real boundary.
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = remainingMs(closesAt, now, clockOffsetMs);
  // role=timer is not live: announcing every second would drown everything else.
  return (
    <span
      className={left > 0 && left <= URGENT_MS ? 'countdown urgent' : 'countdown'}
      role="timer"
      data-testid="countdown"
      data-remaining-ms={left}
      aria-label={
        left > 0
          ? intl.formatMessage({ id: 'poll.closesIn' }, { time: spokenDuration(intl, left) })
          : intl.formatMessage({ id: 'poll.closingSpoken' })
      }
    >
      {left > 0
        ? intl.formatMessage({ id: 'poll.closesIn' }, { time: formatRemaining(left) })
        : intl.formatMessage({ id: 'poll.closing' })}
    </span>
  );
}
