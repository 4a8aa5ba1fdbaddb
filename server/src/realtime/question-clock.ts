/** Round trips kept per socket: the median of the last few shrugs off one slow sample. */
const RTT_SAMPLES = 5;

/**
 * Half a round trip is credited up to this much. A client that answers pings slowly on purpose
 * inflates its RTT and so its credit; the cap bounds what that can buy.
 */
export const MAX_ONE_WAY_MS = 2500;

interface Delivery {
  at: number;
  socketId: string;
}

/**
 * When each quiz question reached each voter: the server's send time to the socket that got it
 * first, plus half that socket's measured round trip. Keyed by voter rather than socket, so
 * reconnecting does not restart a voter's clock.
 */
export class QuestionClock {
  private readonly rtts = new Map<string, number[]>();
  private readonly deliveries = new Map<string, Map<string, Delivery>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A measured round trip of one socket, in ms. */
  recordRtt(socketId: string, ms: number): void {
    const samples = [...(this.rtts.get(socketId) ?? []), ms].slice(-RTT_SAMPLES);
    this.rtts.set(socketId, samples);
  }

  /** The socket's median round trip, if measured. */
  rtt(socketId: string): number | undefined {
    const samples = [...(this.rtts.get(socketId) ?? [])].sort((a, b) => a - b);
    if (samples.length === 0) return undefined;
    const mid = samples.length / 2;
    return samples.length % 2 ? samples[Math.floor(mid)]! : (samples[mid - 1]! + samples[mid]!) / 2;
  }

  forgetSocket(socketId: string): void {
    this.rtts.delete(socketId);
  }

  /** Notes that a poll run was sent to a voter's socket; only the first delivery counts. */
  delivered(pollId: string, run: number, voterId: string, socketId: string, at = this.now()): void {
    const key = `${pollId}:${run}`;
    const voters = this.deliveries.get(key) ?? new Map<string, Delivery>();
    this.deliveries.set(key, voters);
    if (!voters.has(voterId)) voters.set(voterId, { at, socketId });
  }

  /** When the run reached the voter (send time + half the round trip), if it was sent to them. */
  reachedAt(pollId: string, run: number, voterId: string, castingSocketId: string): number | undefined {
    const first = this.deliveries.get(`${pollId}:${run}`)?.get(voterId);
    if (!first) return undefined;
    const rtt = this.rtt(first.socketId) ?? this.rtt(castingSocketId) ?? 0;
    return first.at + Math.min(rtt / 2, MAX_ONE_WAY_MS);
  }

  /** Drops a poll's deliveries once it stops taking answers. */
  forgetPoll(pollId: string): void {
    for (const key of this.deliveries.keys()) if (key.startsWith(`${pollId}:`)) this.deliveries.delete(key);
  }
}
