import type { FastifyInstance } from 'fastify';
import { percentile } from './stats';

/** What the server itself saw of one voting phase (ms, from its own clock). */
export interface ProbeReport {
  /** Ballot packet dispatched by socket.io → its ack handed back to socket.io. */
  ackP50Ms: number;
  ackP99Ms: number;
  /** Synchronous time of one poll:tally broadcast (encode once + a write per socket). */
  fanoutP50Ms: number;
  fanoutMaxMs: number;
  /**
   * Per poll, its last ballot dispatched → the end of the last slice carrying its final turnout; the
   * maximum over the phase's polls (each meeting's own figure, never one meeting's ballot against another's tally).
   */
  finalAfterLastBallotMs: number;
}

type Packet = unknown[];

/**
 * Server-side timestamps, free of the load generator's own delays: a socket middleware wraps each
 * ballot's ack, and the namespace adapter's broadcast is timed. Read-only instrumentation.
 */
export class ServerProbe {
  private acks: number[] = [];
  private fanouts: number[] = [];
  /** Per poll id: when its last ballot was dispatched, and when the last slice with its final turnout left. */
  private lastBallotAt = new Map<string, number>();
  private finalAt = new Map<string, number>();
  private finalTurnout = Infinity;

  constructor(app: FastifyInstance) {
    app.io.on('connection', (socket) => socket.use((packet, next) => this.wrapAck(packet as Packet, next)));
    const adapter = app.io.of('/').adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => {
      const start = performance.now();
      broadcast(packet, opts);
      const [event, body] = (packet as { data?: Packet }).data ?? [];
      if (event === 'poll:tally')
        this.tallySent(start, performance.now(), body as { pollId?: string; turnout?: number });
    };
  }

  /** Starts a phase whose final tally is the one with this turnout. */
  reset(finalTurnout: number): void {
    Object.assign(this, { acks: [], fanouts: [], lastBallotAt: new Map(), finalAt: new Map(), finalTurnout });
  }

  report(): ProbeReport {
    return {
      ackP50Ms: percentile(this.acks, 50),
      ackP99Ms: percentile(this.acks, 99),
      fanoutP50Ms: percentile(this.fanouts, 50),
      fanoutMaxMs: percentile(this.fanouts, 100),
      finalAfterLastBallotMs: this.slowestFinal(),
    };
  }

  /** NaN when a poll that got ballots never broadcast its final turnout (the phase is then incomplete). */
  private slowestFinal(): number {
    let slowest = -Infinity;
    for (const [pollId, lastBallot] of this.lastBallotAt)
      slowest = Math.max(slowest, (this.finalAt.get(pollId) ?? NaN) - lastBallot);
    return this.lastBallotAt.size === 0 ? NaN : slowest;
  }

  private wrapAck(packet: Packet, next: (err?: Error) => void): void {
    const ack = packet[packet.length - 1];
    if (packet[0] === 'ballot:cast' && typeof ack === 'function') {
      const at = performance.now();
      const pollId = (packet[1] as { pollId?: unknown } | undefined)?.pollId;
      if (typeof pollId === 'string') this.lastBallotAt.set(pollId, at);
      packet[packet.length - 1] = (...result: unknown[]) => {
        this.acks.push(performance.now() - at);
        ack(...result);
      };
    }
    next();
  }

  private tallySent(start: number, end: number, tally: { pollId?: string; turnout?: number }): void {
    this.fanouts.push(end - start);
    // Every slice of the final broadcast carries the final turnout: the last one to leave counts.
    if (tally.turnout === this.finalTurnout && tally.pollId !== undefined) this.finalAt.set(tally.pollId, end);
  }
}
