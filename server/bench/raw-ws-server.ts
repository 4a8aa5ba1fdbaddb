/**
 * The floor: the least a vote server can do over WebSockets. Plain `ws`, votes counted in memory
 * (no database, no validation, no sessions), one coalesced tally broadcast per room per window with
 * the payload encoded once. Quorum's figures are printed as ratios against this.
 * Protocol (JSON text frames): client → `{"v":"<option>","id":"<ballot id>"}`; server → `{"a":"<id>"}`
 * (the ack) and `{"t":<turnout>,"c":{…counts},"n":<version>}` (the tally). Room = `?m=<meeting>`.
 * Audience Q&A's floor: client → `{"u":"<question>","id":"<id>"}` (one upvote per person and question);
 * server → the ack, and `{"q":[["<question>",<votes>],…],"n":<version>}`, most upvoted first.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChildMessage, ParentMessage } from './ipc';

const WINDOW_MS = 50;

interface Room {
  sockets: Set<WebSocket>;
  counts: Record<string, number>;
  /** Q&A: who upvoted each question. */
  upvoters: Map<string, Set<string>>;
  voters: Set<string>;
  version: number;
  lastSent: number;
  timer?: NodeJS.Timeout;
}

const rooms = new Map<string, Room>();
let broadcasts = 0;
const send = (message: ChildMessage): void => void process.send?.(message);

function roomOf(name: string): Room {
  let room = rooms.get(name);
  if (!room)
    rooms.set(
      name,
      (room = {
        sockets: new Set(),
        counts: {},
        upvoters: new Map(),
        voters: new Set(),
        version: 0,
        lastSent: -Infinity,
      }),
    );
  return room;
}

function broadcast(room: Room): void {
  room.timer = undefined;
  room.lastSent = performance.now();
  const frame =
    room.upvoters.size > 0 ? qaFrame(room) : JSON.stringify({ t: room.voters.size, c: room.counts, n: room.version });
  for (const socket of room.sockets) socket.send(frame);
  broadcasts++;
}

/** The whole list, ordered as Quorum's Top order (votes, then first asked), as every Q&A update is. */
function qaFrame(room: Room): string {
  const list = [...room.upvoters].map(([q, voters]) => [q, voters.size] as const).sort((a, b) => b[1] - a[1]);
  return JSON.stringify({ q: list, n: room.version });
}

/** Leading edge on the next turn (after the acks), then at most once per window: as Quorum coalesces. */
function markDirty(room: Room): void {
  if (room.timer) return;
  room.timer = setTimeout(() => broadcast(room), Math.max(0, WINDOW_MS - (performance.now() - room.lastSent)));
}

const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
server.on('connection', (socket, request) => {
  const room = roomOf(new URL(request.url ?? '/', 'http://x').searchParams.get('m') ?? '');
  const voter = `${room.sockets.size}:${Math.random()}`;
  room.sockets.add(socket);
  socket.on('close', () => room.sockets.delete(socket));
  socket.on('message', (data) => {
    const vote = JSON.parse(String(data)) as { v?: string; u?: string; id: string };
    if (vote.u !== undefined) {
      const upvoters = room.upvoters.get(vote.u) ?? new Set();
      room.upvoters.set(vote.u, upvoters.add(voter));
    } else if (vote.v !== undefined) {
      room.counts[vote.v] = (room.counts[vote.v] ?? 0) + 1;
      room.voters.add(voter);
    }
    room.version++;
    socket.send(JSON.stringify({ a: vote.id }));
    markDirty(room);
  });
});

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let broadcastsBefore = 0;
process.on('message', (message: ParentMessage) => {
  if (message.type === 'phase-start') {
    loop.reset();
    broadcastsBefore = broadcasts;
    send({ type: 'phase-started' });
  } else if (message.type === 'phase-end') {
    send({
      type: 'phase-ended',
      ackP50Ms: NaN,
      ackP99Ms: NaN,
      fanoutP50Ms: NaN,
      fanoutMaxMs: NaN,
      finalAfterLastBallotMs: NaN,
      tallyBroadcasts: broadcasts - broadcastsBefore,
      rateLimited: 0,
      internalErrors: 0,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
    });
  }
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
server.on('listening', () => send({ type: 'ready', port: (server.address() as { port: number }).port }));
