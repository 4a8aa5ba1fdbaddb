import type { QuestionClock } from './question-clock';
import type { QuorumSocket } from './types';

const PROBE_TIMEOUT_MS = 5_000;

/** The part of engine.io's connection the probe listens to (its events are not in socket.io's types). */
interface HeartbeatSource {
  on(event: 'packetCreate', listener: (packet: { type: string }) => void): unknown;
  on(event: 'heartbeat', listener: () => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

/**
 * Measures a socket's round trip for the quiz clock: once at connect with `time:ping` (the client
 * acks at once), then from engine.io's own heartbeat (the server's `ping` out, the client's `pong`
 * back, every pingInterval). No timer of ours per socket: a timer and an emit per socket every 10 s
 * were 4.5 % of the server's CPU with 10,000 sockets (issue 15).
 */
export function probeRtt(socket: QuorumSocket, clock: QuestionClock): void {
  const sent = performance.now();
  socket.timeout(PROBE_TIMEOUT_MS).emit('time:ping', Date.now(), (error: Error | null) => {
    // A client that never answers (an older build) just gets no latency credit.
    if (!error) clock.recordRtt(socket.id, performance.now() - sent);
  });
  const conn = socket.conn as unknown as HeartbeatSource;
  let pingAt: number | undefined;
  const onPacket = (packet: { type: string }) => {
    if (packet.type === 'ping') pingAt = performance.now();
  };
  const onHeartbeat = () => {
    if (pingAt === undefined) return;
    clock.recordRtt(socket.id, performance.now() - pingAt);
    pingAt = undefined;
  };
  conn.on('packetCreate', onPacket);
  conn.on('heartbeat', onHeartbeat);
  socket.once('disconnect', () => {
    conn.off('packetCreate', onPacket);
    conn.off('heartbeat', onHeartbeat);
    clock.forgetSocket(socket.id);
  });
}
