import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Whether nothing listens on `port` right now (we release it for the caller to take). */
function probe(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address && typeof address === 'object' ? address.port : null));
    });
  });
}

/**
 * A free loopback port for a server to take a moment later. Drawn at random below Linux's ephemeral range
 * (32768+), because the outgoing connections of parallel tests (socket.io clients, PostgreSQL, Redis) take
 * their local ports from that range and could grab an OS-picked port between our probe and the listen.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await probe(20_000 + Math.floor(Math.random() * 12_000));
    if (port !== null) return port;
  }
  const port = await probe(0);
  if (port === null) throw new Error('no free port');
  return port;
}

/** The real `server/src/main.ts` in a child process, as `npm start` runs it (minus the build). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/**
 * Runs `server/src/main.ts` under tsx, or `entry` (e.g. the production bundle) with plain node, on `port`
 * (a restart on the address its clients know) or a free one.
 */
export async function spawnServer(env: Record<string, string>, entry?: string, port?: number): Promise<ServerProcess> {
  port ??= await freePort();
  let output = '';
  const args = entry ? [entry] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, output: () => output, exited };
}
