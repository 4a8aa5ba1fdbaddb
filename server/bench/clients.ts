import { PROTOCOL_VERSION, type ClientToServerEvents, type MeetingSnapshot, type PollTally, type ServerToClientEvents } from '@quorum/shared';
import { io, type Socket } from 'socket.io-client';
import { loadConfig } from '../src/config';
import { contextFor, type Person } from '../test/support/harness';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One simulated participant and what the benchmark measured for it (times from performance.now()). */
export interface BenchClient {
  socket: ClientSocket;
  sentAt?: number;
  ackAt?: number;
  ackOk?: boolean;
  /** When this client first saw the final tally (turnout === the number of voters). */
  finalAt?: number;
  tallyMessages: number;
  tallyBytes: number;
}

/** What every client of one run shares: the turnout that counts as final and a progress hook. */
export interface Phase {
  finalTurnout: number;
  onProgress: () => void;
}

/** The dev config carries the dev client id/secret that the server child accepts (NODE_ENV=development). */
const devConfig = loadConfig({ NODE_ENV: 'development' });
/** A tally event as the engine layer hands it over (its own packet type, '4', already stripped). */
const TALLY_PREFIX = '2["poll:tally"';

/** Obtains a session through `POST /api/session` with a freshly sealed context, as the client does. */
async function openSession(url: string, person: Person): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ context: contextFor(devConfig, person) }),
  });
  if (res.status !== 200) throw new Error(`POST /api/session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Opens a session and a websocket-only socket.io connection; resolves after the snapshot. */
export async function connectClient(url: string, person: Person, phase: Phase): Promise<BenchClient> {
  const token = await openSession(url, person);
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION, token },
  });
  const client: BenchClient = { socket, tallyMessages: 0, tallyBytes: 0 };
  // Raw frames are already strings at the engine layer: their length costs nothing to read.
  socket.io.on('open', () =>
    socket.io.engine.on('data', (data: unknown) => {
      if (typeof data === 'string' && data.startsWith(TALLY_PREFIX)) client.tallyBytes += data.length + 1; // + the engine type byte on the wire
    }),
  );
  socket.on('poll:tally', (tally: PollTally) => {
    client.tallyMessages++;
    if (client.finalAt === undefined && tally.turnout === phase.finalTurnout) {
      client.finalAt = performance.now();
      phase.onProgress();
    }
  });
  await new Promise<MeetingSnapshot>((resolve, reject) => {
    socket.once('meeting:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return client;
}

/** Connects `count` participants of one meeting, `batchSize` at a time, so setup stays quick. */
export async function connectVoters(url: string, meetingId: string, count: number, batchSize: number, phase: Phase) {
  const clients: BenchClient[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const ids = Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => start + i);
    const batch = await Promise.all(
      ids.map((i) => connectClient(url, { mid: meetingId, uid: `voter-${i}`, role: 'participant' }, phase)),
    );
    clients.push(...batch);
  }
  return clients;
}

/** Disconnects every client given. */
export function disconnectAll(clients: BenchClient[]): void {
  for (const client of clients) client.socket.disconnect();
}
