import { useEffect, useState } from 'react';
import { formatRemaining, remainingMs, spokenRemaining } from '../realtime/server-clock';

/** "Closes in m:ss" for a server-clock deadline, corrected by the client's measured clock offset. */
export function Countdown({ closesAt, clockOffsetMs }: { closesAt: number; clockOffsetMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Four ticks a second: the shown second changes within 250 ms of the real boundary.
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = remainingMs(closesAt, now, clockOffsetMs);
  // role=timer is not live: announcing every second would drown everything else.
  return (
    <span className="countdown" role="timer" data-testid="countdown" data-remaining-ms={left} aria-label={left > 0 ? `Closes in ${spokenRemaining(left)}` : 'Closing'}>
      {left > 0 ? `Closes in ${formatRemaining(left)}` : 'Closing…'}
    </span>
  );
}
