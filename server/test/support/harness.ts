import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type MeetingSnapshot,
  type PollDraftInput,
  type PollTally,
  type ServerToClientEvents,
  type SessionView,
} from '@quorum/shared';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { draftOf, question } from '@quorum/shared/testing';
import { buildApp } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import { sealAppContext } from '../../src/zoom/app-context';
import { freePort } from './process';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real server on an ephemeral port over a real SQLite file in its own temp dir. */
export interface TestServer {
  app: FastifyInstance;
  config: Config;
  url: string;
  dbPath: string;
  /** Stops the server; `keepData` leaves the database for a restart. */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

/** Where a client connects: an in-process test server or a spawned one (same dev secrets). */
export type Endpoint = Pick<TestServer, 'url' | 'config'>;

/**
 * Builds and starts the app on a port known before building, so PUBLIC_URL (Home URL, OAuth redirect, the
 * fake cloud's webhook target) is the address it really listens on. Another process may take the port
 * between the probe and the listen (test files run in parallel), so that case is retried on a new port.
 */
async function listenOnFreePort(
  dbPath: string,
  overrides: Partial<Config> | ((url: string) => Partial<Config>),
  fixedPort?: number,
) {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const extra = typeof overrides === 'function' ? overrides(url) : overrides;
    const config = testConfig({ databaseUrl: `sqlite:${dbPath}`, ...extra }, { PORT: String(port), PUBLIC_URL: url });
    const app = await buildApp(config);
    try {
      await app.listen({ port, host: '127.0.0.1' });
      return { app, config, url };
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 5 || fixedPort !== undefined)
        throw error;
    }
  }
}

/** Starts the full app (production wiring) for integration tests; on `port` when given (a restart in place). */
export async function startServer(
  overrides: Partial<Config> | ((url: string) => Partial<Config>) = {},
  dbPath?: string,
  port?: number,
): Promise<TestServer> {
  const dir = dbPath ? undefined : mkdtempSync(joinPath(tmpdir(), 'quorum-test-'));
  const path = dbPath ?? joinPath(dir!, 'quorum.db');
  const { app, config, url } = await listenOnFreePort(path, overrides, port);
  return {
    app,
    config,
    url,
    dbPath: path,
    async close(opts = {}) {
      await app.close();
      if (dir && !opts.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Person {
  mid: string;
  /** In a breakout room, Zoom's documented form: the room's UUID in `mid`, the main meeting's here. */
  pid?: string;
  /** The SDK typings' form: the breakout room's UUID beside the main meeting's `mid`. */
  bmid?: string;
  uid?: string;
  role?: 'host' | 'co-host' | 'participant' | 'panelist' | 'attendee';
}

/** Seals a context exactly as Zoom would for this person (two-minute expiry). */
export function contextFor(config: Config, person: Person, now = Date.now()): string {
  const payload: Record<string, unknown> = {
    typ: 'meeting',
    mid: person.mid,
    aud: config.zoomClientId,
    iss: 'marketplace.zoom.us',
    ts: now,
    exp: now + 120_000,
    attendrole: person.role ?? 'participant',
  };
  if (person.uid !== undefined) payload.uid = person.uid;
  if (person.pid !== undefined) payload.pid = person.pid;
  if (person.bmid !== undefined) payload.bmid = person.bmid;
  return sealAppContext(payload, config.zoomClientSecret);
}

/** What POST /api/session answers, plus the cookie it set. */
export interface OpenedSession {
  token: string;
  session: SessionView;
  cookie: string;
}

/** POST /api/session as the client does with `getAppContext()`; with `bearer`, as a renewal of that session. */
export async function openSession(server: Endpoint, person: Person, bearer?: string): Promise<OpenedSession> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ context: contextFor(server.config, person) }),
  });
  if (res.status !== 200) throw new Error(`session failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; session: SessionView };
  return {
    ...body,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

/** A connected participant: a real socket.io client plus everything it has received. */
export interface Client {
  socket: ClientSocket;
  session: SessionView;
  token: string;
  snapshot: MeetingSnapshot;
  /** Latest tally per poll (highest version wins, as the real client does). */
  tallies: Map<string, PollTally>;
  /** Resolves once a tally for the poll satisfies the predicate. */
  waitForTally(pollId: string, until: (t: PollTally) => boolean, timeoutMs?: number): Promise<PollTally>;
  /** Resolves once this client answered the server's first latency probe (`time:ping`). */
  pinged: Promise<void>;
}

/** How a test client connects; `latencyMs` simulates a slow link by answering latency probes that much later each way. */
export interface JoinOptions {
  /** Sends the session's cookie instead of its token. */
  useCookie?: boolean;
  /** A Cookie header sent beside the token, as a cookie jar shared with other panes would. */
  jarCookie?: string;
  latencyMs?: number;
  /** The participantUUID the client claims (from getUserContext). */
  participantUUID?: string;
  /** socket.io-client's transports; websocket only by default (the benchmark's and most tests' path). */
  transports?: ('polling' | 'websocket')[];
}

/** Connects with the session token only (no cookie): the cookies-blocked path. */
export async function join(server: Endpoint, person: Person, opts: JoinOptions = {}): Promise<Client> {
  return connectSession(server, await openSession(server, person), opts);
}

/** Connects with a session already opened (or renewed) over HTTP. */
export async function connectSession(server: Endpoint, opened: OpenedSession, opts: JoinOptions = {}): Promise<Client> {
  const { token, session, cookie } = opened;
  const socket: ClientSocket = io(server.url, {
    transports: opts.transports ?? ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: {
      protocolVersion: PROTOCOL_VERSION,
      ...(opts.useCookie ? {} : { token }),
      ...(opts.participantUUID ? { participantUUID: opts.participantUUID } : {}),
    },
    extraHeaders: opts.useCookie ? { cookie } : opts.jarCookie ? { cookie: opts.jarCookie } : {},
  });
  // Answer latency probes as the real client does (at once), or a round trip later on a simulated slow link.
  let answeredPing: () => void = () => {};
  const pinged = new Promise<void>((resolve) => (answeredPing = resolve));
  socket.on('time:ping', (_serverTime, ack) => {
    setTimeout(
      () => {
        ack();
        answeredPing();
      },
      2 * (opts.latencyMs ?? 0),
    );
  });
  const tallies = new Map<string, PollTally>();
  const watchers = new Set<() => void>();
  const keep = (t: PollTally) => {
    const current = tallies.get(t.pollId);
    if (current && (current.run > t.run || (current.run === t.run && current.version > t.version))) return;
    tallies.set(t.pollId, t);
    watchers.forEach((w) => w());
  };
  socket.on('poll:tally', keep);
  const snapshot = await new Promise<MeetingSnapshot>((resolve, reject) => {
    socket.once('meeting:snapshot', resolve);
    socket.once('connect_error', reject);
  });
  snapshot.tallies.forEach(keep);
  const waitForTally = (pollId: string, until: (t: PollTally) => boolean, timeoutMs = 5000) =>
    new Promise<PollTally>((resolve, reject) => {
      const check = () => {
        const t = tallies.get(pollId);
        if (t && until(t)) {
          watchers.delete(check);
          clearTimeout(timer);
          resolve(t);
        }
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`tally for ${pollId} not reached; last: ${JSON.stringify(tallies.get(pollId))}`));
      }, timeoutMs);
      watchers.add(check);
      check();
    });
  return { socket, session, token, snapshot, tallies, waitForTally, pinged };
}

/** A single-choice poll: the registry's example question (a Noodles, b Tacos) plus c Salad. */
export function choicePoll(overrides: Partial<PollDraftInput['settings']> = {}, title = 'Lunch?'): PollDraftInput {
  const example = question('single');
  return draftOf([{ ...example, options: [...example.options, { id: 'c', label: 'Salad' }] }], overrides, title);
}

/** Host creates and launches a poll; returns its id. */
export async function launch(host: Client, draft: PollDraftInput = choicePoll()): Promise<string> {
  const created = await host.socket.emitWithAck('poll:create', draft);
  if (!created.ok) throw new Error(created.error.message);
  const opened = await host.socket.emitWithAck('poll:open', { pollId: created.data.poll.id });
  if (!opened.ok) throw new Error(opened.error.message);
  return created.data.poll.id;
}

let ballotSeq = 0;
/** A fresh clientBallotId. */
export const ballotId = (): string => `cb${Date.now().toString(36)}${(ballotSeq++).toString(36)}xx`;

/** Casts a single-choice vote. */
export function vote(client: Client, pollId: string, optionId: string, clientBallotId = ballotId()) {
  return client.socket.emitWithAck('ballot:cast', {
    pollId,
    questionId: 'q1',
    answer: { kind: 'single', optionId },
    clientBallotId,
  });
}

/** Disconnects every client given. */
export const disconnectAll = (...clients: Client[]): void => clients.forEach((c) => c.socket.disconnect());

/**
 * Registers a fresh server per test plus cleanup, and returns `enter` (join + auto-disconnect).
 * `ctx.server` is the current test's server.
 */
export function useTestServer(overrides: Partial<Config> = {}) {
  const ctx = {
    server: undefined as unknown as TestServer,
    clients: [] as Client[],
    async enter(person: Person, opts?: JoinOptions): Promise<Client> {
      const c = await join(ctx.server, person, opts);
      ctx.clients.push(c);
      return c;
    },
  };
  beforeEach(async () => {
    ctx.server = await startServer(overrides);
  });
  afterEach(async () => {
    disconnectAll(...ctx.clients.splice(0));
    await ctx.server.close();
  });
  return ctx;
}
