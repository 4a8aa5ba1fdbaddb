import { useEffect, useState } from 'react';

const format = (ms: number) => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** "Closes in m:ss" for a server-clock deadline, corrected by the offset measured at the last snapshot. */
export function Countdown({ closesAt, clockOffsetMs }: { closesAt: number; clockOffsetMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = closesAt - (now + clockOffsetMs);
  // The countdown text itself is not live: announcing every second would drown everything else.
  return <span className="countdown">{left > 0 ? `Closes in ${format(left)}` : 'Closing…'}</span>;
}
