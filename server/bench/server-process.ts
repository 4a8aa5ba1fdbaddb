import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_WINDOW_ENV, type ChildMessage, type ParentMessage } from './ipc';

const CHILD_ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'server-child.ts');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** Every child still alive, so any exit path (error, SIGINT) can kill them. */
const live = new Set<ChildProcess>();

/** A fresh server child process on its own SQLite file. */
export interface ServerChild {
  pid: number;
  url: string;
  /** The publisher's and socket layer's counters, read over IPC. */
  counters(): Promise<Extract<ChildMessage, { type: 'counters' }>>;
  /** SIGTERM, then SIGKILL if it lingers; removes the temp dir. */
  stop(): Promise<void>;
}

/** Starts `server-child.ts` under tsx with the given tally window (0 = per-vote broadcast). */
export async function startServer(tallyWindowMs: number): Promise<ServerChild> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_ENTRY], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      BALLOT_RATE_LIMIT: '10000',
      [BENCH_WINDOW_ENV]: String(tallyWindowMs),
    },
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const ready = await nextMessage(child, 'ready', READY_TIMEOUT_MS);
    return {
      pid: child.pid!,
      url: `http://127.0.0.1:${ready.port}`,
      counters: () => {
        child.send({ type: 'counters' } satisfies ParentMessage);
        return nextMessage(child, 'counters', READY_TIMEOUT_MS);
      },
      stop: () => stopChild(child).finally(cleanup),
    };
  } catch (error) {
    await stopChild(child).finally(cleanup);
    throw error;
  }
}

/** Kills every child synchronously: safe to call from an 'exit' handler. */
export function killAllServers(): void {
  for (const child of live) child.kill('SIGKILL');
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
