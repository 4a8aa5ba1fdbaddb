import {
  PROTOCOL_VERSION,
  SESSION_GRANT_ELEMENT_ID,
  sessionGrantSchema,
  type ClientToServerEvents,
  type MeetingSnapshot,
  type PollTally,
  type ServerToClientEvents,
} from '@quorum/shared';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { loadConfig } from '../src/config';
import { contextFor, type Person } from '../test/support/harness';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One simulated participant and what the benchmark measured for it (times from performance.now()). */
export interface BenchClient {
  meeting: string;
  sentAt?: number;
  ackAt?: number;
  ackOk?: boolean;
  /** When this client first saw its meeting's final tally (turnout === the meeting's voters). */
  finalAt?: number;
  tallyMessages: number;
  tallyBytes: number;
  /** Sends one ballot; `done` runs when its ack arrives. */
  cast(pollId: string, optionId: string, clientBallotId: string, done: (ok: boolean) => void): void;
  close(): void;
}

/** A socket.io participant (hosts need the socket to create and launch polls). */
export interface QuorumClient extends BenchClient {
  socket: ClientSocket;
}

/** What every client of one meeting shares: the turnout that counts as final and a progress hook. */
export interface Phase {
  finalTurnout: number;
  onProgress: () => void;
}

/** Who connects where: a person of a meeting, to one server URL. */
export interface ClientSpec {
  url: string;
  person: Person;
  phase: Phase;
  /** How a voter gets its session token (Quorum only; default `page`): see {@link JOIN_FLOWS}. */
  join?: JoinFlow;
}

/**
 * How a voter gets its session, as the client does: `page` loads the Home URL with Zoom's
 * `x-zoom-app-context` header and takes the token the page carries (a join in Zoom's clients);
 * `post` sends `POST /api/session` alone (a client loaded without the header); `page+post` loads the
 * page and then posts anyway, as the client did before the page carried the session.
 */
export const JOIN_FLOWS = ['page', 'post', 'page+post'] as const;
export type JoinFlow = (typeof JOIN_FLOWS)[number];

/** The dev config carries the dev client id/secret that the server child accepts (NODE_ENV=development). */
const devConfig = loadConfig({ NODE_ENV: 'development' });
/** A tally event as the engine layer hands it over (its own packet type, '4', already stripped). */
const TALLY_PREFIX = '2["poll:tally"';

/** Obtains a session through `POST /api/session` with a freshly sealed context. */
async function postSession(url: string, person: Person): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ context: contextFor(devConfig, person) }),
  });
  if (res.status !== 200) throw new Error(`POST /api/session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Loads the Home URL as Zoom does (with a freshly sealed context header) and reads the session the page carries. */
async function loadHomePage(url: string, person: Person): Promise<string> {
  const res = await fetch(`${url}/`, { headers: { 'x-zoom-app-context': contextFor(devConfig, person) } });
  const html = await res.text();
  const block = new RegExp(`id="${SESSION_GRANT_ELEMENT_ID}">(.*?)</script>`).exec(html);
  if (res.status !== 200 || !block?.[1]) throw new Error(`GET /: ${res.status}, no session in the page`);
  return sessionGrantSchema.parse(JSON.parse(block[1])).token;
}

async function openSession(url: string, person: Person, join: JoinFlow): Promise<string> {
  if (join === 'post') return postSession(url, person);
  const token = await loadHomePage(url, person);
  return join === 'page' ? token : postSession(url, person);
}

/** Counts a tally and notes the first final one. */
function sawTally(client: BenchClient, phase: Phase, turnout: number): void {
  client.tallyMessages++;
  if (client.finalAt === undefined && turnout === phase.finalTurnout) {
    client.finalAt = performance.now();
    phase.onProgress();
  }
}

/** Opens a session and a websocket-only socket.io connection; resolves after the snapshot. */
export async function connectClient({ url, person, phase, join = 'page' }: ClientSpec): Promise<QuorumClient> {
  const token = await openSession(url, person, join);
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION, token },
  });
  const client: QuorumClient = {
    socket,
    meeting: person.mid,
    tallyMessages: 0,
    tallyBytes: 0,
    cast: (pollId, optionId, clientBallotId, done) =>
      socket.emit(
        'ballot:cast',
        { pollId, questionId: 'q1', answer: { kind: 'single', optionId }, clientBallotId },
        (r) => done(r.ok),
      ),
    close: () => void socket.disconnect(),
  };
  // Raw frames are already strings at the engine layer: their length costs nothing to read.
  socket.io.on('open', () =>
    socket.io.engine.on('data', (data: unknown) => {
      if (typeof data === 'string' && data.startsWith(TALLY_PREFIX)) client.tallyBytes += data.length + 1; // + the engine type byte on the wire
    }),
  );
  socket.on('poll:tally', (tally: PollTally) => sawTally(client, phase, tally.turnout));
  await new Promise<MeetingSnapshot>((resolve, reject) => {
    socket.once('meeting:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return client;
}

/** A participant of the raw ws floor (raw-ws-server.ts): no session, no snapshot. */
export async function connectRawClient({ url, person, phase }: ClientSpec): Promise<BenchClient> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/?m=${encodeURIComponent(person.mid)}`);
  const acks = new Map<string, (ok: boolean) => void>();
  const client: BenchClient = {
    meeting: person.mid,
    tallyMessages: 0,
    tallyBytes: 0,
    cast: (_pollId, optionId, id, done) => {
      acks.set(id, done);
      socket.send(JSON.stringify({ v: optionId, id }));
    },
    close: () => socket.close(),
  };
  socket.on('message', (data: Buffer) => {
    const text = data.toString();
    const message = JSON.parse(text) as { a?: string; t?: number };
    if (message.a !== undefined) {
      acks.get(message.a)?.(true);
      acks.delete(message.a);
    } else if (message.t !== undefined) {
      client.tallyBytes += text.length;
      sawTally(client, phase, message.t);
    }
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return client;
}

/** Connects everyone, `batchSize` at a time, so setup stays quick without a connect storm. */
export async function connectAll<C extends BenchClient>(
  specs: readonly ClientSpec[],
  batchSize: number,
  connect: (spec: ClientSpec) => Promise<C>,
): Promise<C[]> {
  const clients: C[] = [];
  for (let start = 0; start < specs.length; start += batchSize) {
    clients.push(...(await Promise.all(specs.slice(start, start + batchSize).map(connect))));
  }
  return clients;
}

/** Disconnects every client given. */
export function disconnectAll(clients: readonly BenchClient[]): void {
  for (const client of clients) client.close();
}

/** How a storm of joins went: each ready client's time from its connect starting, and the failures. */
export interface StormOutcome {
  ready: number[];
  failed: number;
}

/**
 * Connects every spec at an evenly spaced moment within `spreadMs`, pushing each ready client into
 * `clients` (for the caller to disconnect); resolves once every attempt has ended.
 */
export async function stormJoin<C extends BenchClient>(
  specs: readonly ClientSpec[],
  spreadMs: number,
  connect: (spec: ClientSpec) => Promise<C>,
  clients: BenchClient[],
): Promise<StormOutcome> {
  const ready: number[] = [];
  let failed = 0;
  await Promise.all(
    specs.map(async (spec, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * spreadMs) / specs.length));
      const began = performance.now();
      try {
        clients.push(await connect(spec));
        ready.push(performance.now() - began);
      } catch {
        failed++;
      }
    }),
  );
  return { ready, failed };
}
