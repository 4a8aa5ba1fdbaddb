import type { QuestionClock } from './question-clock';
import type { QuorumSocket } from './types';

/** How often each socket's round trip is measured after the first probe at connect. */
export const RTT_PROBE_INTERVAL_MS = 10_000;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Measures a socket's round trip with `time:ping` (the client acks at once) at connect and every
 * ~10 s. socket.io's own heartbeat runs in the transport and does not expose its timing.
 */
export function probeRtt(socket: QuorumSocket, clock: QuestionClock, intervalMs = RTT_PROBE_INTERVAL_MS): void {
  const ping = () => {
    const sent = performance.now();
    socket.timeout(PROBE_TIMEOUT_MS).emit('time:ping', Date.now(), (error: Error | null) => {
      // A client that never answers (an older build) just gets no latency credit.
      if (!error) clock.recordRtt(socket.id, performance.now() - sent);
    });
  };
  ping();
  const timer = setInterval(ping, intervalMs);
  timer.unref();
  socket.once('disconnect', () => {
    clearInterval(timer);
    clock.forgetSocket(socket.id);
  });
}
