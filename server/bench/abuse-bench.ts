/**
 * `npm run bench -- --scenario abuse`: one abusive voter (one session on 50 sockets, each keeping
 * five 2,000-character open-text answers in flight for the whole phase) beside an ordinary meeting
 * whose voters change their vote every ~200 ms. Prints the ordinary meeting's ack p50/p99 alone, next
 * to the abuser with the default limits (BALLOT_RATE_LIMIT 30, 5 sockets per session), and next to
 * the abuser with the limits lifted, each as a ratio to alone. Prints numbers; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type PollDraftInput,
  type ServerToClientEvents,
} from '@quorum/shared';
import { io, type Socket } from 'socket.io-client';
import { loadConfig } from '../src/config';
import { contextFor } from '../test/support/harness';
import type { BenchArgs } from './args';
import type { ChildBundles } from './child-bundle';
import { connectAll, connectClient, disconnectAll, type QuorumClient } from './clients';
import { startServer } from './server-process';
import { percentile } from './stats';

const PHASE_MS = 6_000;
/** Voting before the measured phase, so JIT warm-up does not land in the first mode's figures. */
const WARMUP_MS = 1_500;
const ABUSER_SOCKETS = 50;
const IN_FLIGHT_PER_SOCKET = 5;
const LONG_ANSWER = 'spam '.repeat(400); // 2,000 characters
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const noPhase = { finalTurnout: Number.POSITIVE_INFINITY, onProgress: () => undefined };

interface Mode {
  label: string;
  abuser: boolean;
  env: Record<string, string>;
}

const MODES: Mode[] = [
  { label: 'alone', abuser: false, env: {} },
  {
    label: 'abuser, default limits',
    abuser: true,
    env: { BALLOT_RATE_LIMIT: '30', MEETING_BALLOT_RATE_LIMIT: '5000', MAX_SOCKETS_PER_SESSION: '5' },
  },
  {
    label: 'abuser, limits lifted',
    abuser: true,
    env: { BALLOT_RATE_LIMIT: '10000', MEETING_BALLOT_RATE_LIMIT: '1000000', MAX_SOCKETS_PER_SESSION: '100' },
  },
];

const draft = (kind: 'single' | 'text'): PollDraftInput => ({
  title: kind === 'text' ? 'Open floor' : 'Lunch',
  questions: [
    kind === 'text'
      ? { id: 'q1', kind: 'text', prompt: 'Anything?', variant: 'long' }
      : {
          id: 'q1',
          kind: 'single',
          prompt: 'Where?',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        },
  ],
  settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
});

async function launch(host: QuorumClient, kind: 'single' | 'text'): Promise<string> {
  const created = await host.socket.emitWithAck('poll:create', draft(kind));
  if (!created.ok) throw new Error(created.error.message);
  const opened = await host.socket.emitWithAck('poll:open', { pollId: created.data.poll.id });
  if (!opened.ok) throw new Error(opened.error.message);
  return created.data.poll.id;
}

/** The abuser's sockets (as many as the server admits) keep answers in flight until `until`. */
async function abuse(
  url: string,
  pollId: string,
  until: number,
): Promise<{ admitted: number; sent: number; limited: number }> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ context: abuserContext() }),
  });
  const { token } = (await res.json()) as { token: string };
  const sockets = await Promise.all(
    Array.from({ length: ABUSER_SOCKETS }, () => {
      const socket: ClientSocket = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { protocolVersion: PROTOCOL_VERSION, token },
      });
      return new Promise<ClientSocket | undefined>((resolve) => {
        socket.once('meeting:snapshot', () => resolve(socket));
        socket.once('connect_error', () => resolve(undefined));
      });
    }),
  );
  const admitted = sockets.filter((s): s is ClientSocket => s !== undefined);
  let sent = 0;
  let limited = 0;
  const pump = (socket: ClientSocket) =>
    new Promise<void>((resolve) => {
      const next = () => {
        if (performance.now() >= until) return resolve();
        sent++;
        socket.emit(
          'ballot:cast',
          {
            pollId,
            questionId: 'q1',
            answer: { kind: 'text', text: `${sent} ${LONG_ANSWER}`.slice(0, 2000) },
            clientBallotId: `ab${randomUUID().slice(0, 12)}`,
          },
          (r) => {
            if (!r.ok && r.error.code === 'RATE_LIMITED') limited++;
            next();
          },
        );
      };
      for (let i = 0; i < IN_FLIGHT_PER_SOCKET; i++) next();
    });
  await Promise.all(admitted.map(pump));
  admitted.forEach((s) => s.disconnect());
  return { admitted: admitted.length, sent, limited };
}

/** The abuser's sealed context, as the dev server child (NODE_ENV=development) accepts it. */
const abuserContext = (): string =>
  contextFor(loadConfig({ NODE_ENV: 'development' }), { mid: 'abuse-meeting', uid: 'abuser' });

/** Each ordinary voter changes their vote, waits for the ack, pauses ~200 ms, until `until`. */
async function ordinaryVoting(voters: QuorumClient[], pollId: string, until: number): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    voters.map(async (voter, i) => {
      for (let n = 0; performance.now() < until; n++) {
        const sent = performance.now();
        await new Promise<void>((resolve) =>
          voter.cast(pollId, (i + n) % 2 ? 'a' : 'b', `ov${randomUUID().slice(0, 12)}`, () => resolve()),
        );
        latencies.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 100));
      }
    }),
  );
  return latencies;
}

export async function runAbuseBench(args: BenchArgs, bundles: ChildBundles): Promise<void> {
  const voters = Math.min(args.voters, 200);
  console.log(
    `abuse: ${voters} ordinary voters vs one session on ${ABUSER_SOCKETS} sockets x ${IN_FLIGHT_PER_SOCKET} answers in flight, ${PHASE_MS / 1000} s per mode`,
  );
  const rows: { label: string; p50: number; p99: number; note: string }[] = [];
  for (const mode of MODES) {
    const server = await startServer(bundles.server, 50, mode.env);
    try {
      const specs = [
        { url: server.url, person: { mid: 'ordinary-meeting', uid: 'host', role: 'host' as const }, phase: noPhase },
      ];
      const [host] = await connectAll(specs, 1, connectClient);
      const crowd = await connectAll(
        Array.from({ length: voters }, (_, i) => ({
          url: server.url,
          person: { mid: 'ordinary-meeting', uid: `v${i}` },
          phase: noPhase,
        })),
        args.batchSize,
        connectClient,
      );
      const pollId = await launch(host!, 'single');
      await ordinaryVoting(crowd, pollId, performance.now() + WARMUP_MS);
      let note = '';
      const until = performance.now() + PHASE_MS;
      const abuserHost = mode.abuser
        ? (
            await connectAll(
              [
                {
                  url: server.url,
                  person: { mid: 'abuse-meeting', uid: 'ahost', role: 'host' as const },
                  phase: noPhase,
                },
              ],
              1,
              connectClient,
            )
          )[0]
        : undefined;
      const abused = abuserHost ? abuse(server.url, await launch(abuserHost, 'text'), until) : undefined;
      const latencies = await ordinaryVoting(crowd, pollId, until);
      if (abused) {
        const a = await abused;
        note = `abuser: ${a.admitted} sockets admitted, ${Math.round(a.sent / (PHASE_MS / 1000))} answers/s sent, ${Math.round((a.sent - a.limited) / (PHASE_MS / 1000))}/s accepted`;
      }
      rows.push({ label: mode.label, p50: percentile(latencies, 50), p99: percentile(latencies, 99), note });
      disconnectAll([host!, ...crowd, ...(abuserHost ? [abuserHost] : [])]);
    } finally {
      await server.stop();
    }
  }
  const alone = rows[0]!;
  console.log('\nordinary meeting ack latency');
  for (const row of rows) {
    const ratio =
      row === alone ? '' : `  = ${(row.p50 / alone.p50).toFixed(1)}x / ${(row.p99 / alone.p99).toFixed(1)}x alone`;
    console.log(
      `  ${row.label.padEnd(24)} p50 ${row.p50.toFixed(1).padStart(7)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms${ratio}${row.note ? `  (${row.note})` : ''}`,
    );
  }
}
