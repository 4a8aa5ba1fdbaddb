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

/** The private part of a socket.io server socket the probe wraps (bench instrumentation only). */
interface PacketSocket {
  onevent(packet: { data?: Packet; id?: number }): void;
  ack(id: number): (...result: unknown[]) => void;
}

/**
 * Server-side timestamps, free of the load generator's own delays: each ballot's ack is wrapped
 * (see `watchBallots`), and the namespace adapter's broadcast is timed. Read-only instrumentation.
 */
export class ServerProbe {
  private acks: number[] = [];
  private fanouts: number[] = [];
  /** Per poll id: when its last ballot was dispatched, and when the last slice with its final turnout left. */
  private lastBallotAt = new Map<string, number>();
  private finalAt = new Map<string, number>();
  private finalTurnout = Infinity;

  constructor(app: FastifyInstance) {
    app.io.on('connection', (socket) => this.watchBallots(socket as unknown as PacketSocket));
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

  /**
   * Times each `ballot:cast` from its dispatch to its ack. socket.io hands a packet to `onAny` listeners
   * (Quorum's one dispatcher) before `socket.use` middleware runs, so a middleware could not wrap the ack
   * in time (it printed n/a once the dispatcher moved to `onAny`); this wraps the socket's private `onevent`/`ack` instead.
   */
  private watchBallots(socket: PacketSocket): void {
    const onevent = socket.onevent.bind(socket);
    const ack = socket.ack.bind(socket);
    socket.onevent = (packet) => {
      const [event, body] = packet.data ?? [];
      if (event !== 'ballot:cast' || packet.id === undefined) return onevent(packet);
      const at = performance.now();
      const pollId = (body as { pollId?: unknown } | undefined)?.pollId;
      if (typeof pollId === 'string') this.lastBallotAt.set(pollId, at);
      socket.ack = (id) => {
        const send = ack(id);
        return (...result) => {
          this.acks.push(performance.now() - at);
          send(...result);
        };
      };
      try {
        onevent(packet);
      } finally {
        socket.ack = ack;
      }
    };
  }

  private tallySent(start: number, end: number, tally: { pollId?: string; turnout?: number }): void {
    this.fanouts.push(end - start);
    // Every slice of the final broadcast carries the final turnout: the last one to leave counts.
    if (tally.turnout === this.finalTurnout && tally.pollId !== undefined) this.finalAt.set(tally.pollId, end);
  }
}
