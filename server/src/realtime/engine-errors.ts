import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '@quorum/shared';

/** What engine.io's own refusals become: FORBIDDEN for its 403, INVALID for the rest (all 400). */
const codeFor = (status: number): ErrorCode => (status === 403 ? 'FORBIDDEN' : 'INVALID');

/** `{"code":3,"message":"Bad request"}` as `{"error":{"code":"INVALID","message":"Bad request"}}`; anything else unchanged. */
function appBody(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    if (typeof parsed.message !== 'string' || typeof parsed.code !== 'number') return body;
    return JSON.stringify({ error: { code: codeFor(status), message: parsed.message } });
  } catch {
    return body;
  }
}

/** Rewrites an engine.io JSON error body on `res` as the app's shape before it is sent. */
function wrapResponse(res: ServerResponse): void {
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  (res as { end: unknown }).end = (chunk?: unknown, ...rest: unknown[]) => {
    if (res.statusCode >= 400 && typeof chunk === 'string') return end(appBody(res.statusCode, chunk), ...rest);
    return end(chunk, ...rest);
  };
}

/** The same for a refused WebSocket upgrade, which engine.io writes raw to the socket as text/html. */
function wrapUpgrade(socket: Duplex): void {
  const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
  (socket as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
    // Only the first write can be engine.io's refusal (or ws's 101 handshake): then step aside.
    (socket as { write: unknown }).write = write;
    const text = typeof chunk === 'string' ? chunk : '';
    const match = /^HTTP\/1\.1 (4\d\d) ([^\r]*)\r\n[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(text);
    if (!match) return write(chunk, ...rest);
    const status = Number(match[1]);
    const body = JSON.stringify({ error: { code: codeFor(status), message: match[3] } });
    const head = `HTTP/1.1 ${status} ${match[2]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return write(head + body, ...rest);
  };
}

interface EngineEntryPoints {
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/**
 * engine.io answers bad transport requests itself (`{code: 3, message: "Bad request"}`, or plain
 * text for a refused upgrade), outside Fastify's error handler. Its entry points are wrapped so
 * those answers, too, are `{ error: { code, message } }` like every other error of the app.
 */
export function appErrorBodies(engine: unknown): void {
  const entry = engine as EngineEntryPoints;
  const handleRequest = entry.handleRequest.bind(entry);
  const handleUpgrade = entry.handleUpgrade.bind(entry);
  entry.handleRequest = (req, res) => {
    wrapResponse(res);
    handleRequest(req, res);
  };
  entry.handleUpgrade = (req, socket, head) => {
    wrapUpgrade(socket);
    handleUpgrade(req, socket, head);
  };
}
