import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_WINDOW_ENV, REPLY, type ChildMessage, type ParentMessage } from './ipc';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** Every child still alive and its temp dir, so any exit path (error, SIGINT) can clean up. */
const live = new Map<ChildProcess, string>();

type Reply<M extends ParentMessage> = Extract<ChildMessage, { type: (typeof REPLY)[M['type']] }>;

/** A fresh server child process on its own SQLite file. */
export interface ServerChild {
  pid: number;
  url: string;
  /** Sends a request over IPC and resolves with the child's reply to it. */
  request<M extends ParentMessage>(message: M): Promise<Reply<M>>;
  /** SIGTERM, then SIGKILL if it lingers; removes the temp dir. */
  stop(): Promise<void>;
}

/**
 * Starts a bundled child (see child-bundle.ts): the server with the given tally window (0 = per-vote
 * broadcast) on its own SQLite file unless `env` names another database, or the raw ws floor.
 */
export async function startServer(
  entry: string,
  tallyWindowMs: number,
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
  const child = spawn(process.execPath, [entry], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      BALLOT_RATE_LIMIT: '10000',
      MEETING_BALLOT_RATE_LIMIT: '1000000',
      MAX_SOCKETS_PER_SESSION: '100',
      [BENCH_WINDOW_ENV]: String(tallyWindowMs),
      ...env,
    },
  });
  live.set(child, dir);
  const cleanup = () => {
    live.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ready = await nextMessage(child, 'ready', READY_TIMEOUT_MS);
    return {
      pid: child.pid!,
      url: `http://127.0.0.1:${ready.port}`,
      request: <M extends ParentMessage>(message: M) => {
        child.send(message);
        return nextMessage(child, REPLY[message.type], READY_TIMEOUT_MS) as Promise<Reply<M>>;
      },
      stop: () => stopChild(child).finally(cleanup),
    };
  } catch (error) {
    await stopChild(child).finally(cleanup);
    throw error;
  }
}

/** Kills every child and removes its data synchronously: safe to call from an 'exit' handler. */
export function killAllServers(): void {
  for (const [child, dir] of live) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
}

function nextMessage<T extends ChildMessage['type']>(child: ChildProcess, type: T, timeoutMs: number) {
  return new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`server child: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) finish(undefined, message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`server child exited (code ${code}) before '${type}'`));
    function finish(error?: Error, value?: Extract<ChildMessage, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
