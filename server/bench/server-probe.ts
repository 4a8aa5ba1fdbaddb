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
  /** Last ballot dispatched → end of the broadcast carrying the final turnout. */
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
  private lastBallotAt = -Infinity;
  private finalAt = NaN;
  private finalTurnout = Infinity;

  constructor(app: FastifyInstance) {
    app.io.on('connection', (socket) => socket.use((packet, next) => this.wrapAck(packet as Packet, next)));
    const adapter = app.io.of('/').adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => {
      const start = performance.now();
      broadcast(packet, opts);
      const [event, body] = (packet as { data?: Packet }).data ?? [];
      if (event === 'poll:tally') this.tallySent(start, performance.now(), (body as { turnout?: number }).turnout);
    };
  }

  /** Starts a phase whose final tally is the one with this turnout. */
  reset(finalTurnout: number): void {
    Object.assign(this, { acks: [], fanouts: [], lastBallotAt: -Infinity, finalAt: NaN, finalTurnout });
  }

  report(): ProbeReport {
    return {
      ackP50Ms: percentile(this.acks, 50),
      ackP99Ms: percentile(this.acks, 99),
      fanoutP50Ms: percentile(this.fanouts, 50),
      fanoutMaxMs: percentile(this.fanouts, 100),
      finalAfterLastBallotMs: this.finalAt - this.lastBallotAt,
    };
  }

  private wrapAck(packet: Packet, next: (err?: Error) => void): void {
    const ack = packet[packet.length - 1];
    if (packet[0] === 'ballot:cast' && typeof ack === 'function') {
      const at = performance.now();
      this.lastBallotAt = Math.max(this.lastBallotAt, at);
      packet[packet.length - 1] = (...result: unknown[]) => {
        this.acks.push(performance.now() - at);
        ack(...result);
      };
    }
    next();
  }

  private tallySent(start: number, end: number, turnout: number | undefined): void {
    this.fanouts.push(end - start);
    if (turnout === this.finalTurnout && Number.isNaN(this.finalAt)) this.finalAt = end;
  }
}
