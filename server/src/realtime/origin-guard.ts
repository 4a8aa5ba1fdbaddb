import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** The socket.io engine's middleware shape (`io.engine.use`): plain Node request/response, Express-style `next`. */
type EngineMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: Error) => void) => void;

/**
 * True when a request may reach the socket server from where it says it comes from. Browsers send `Origin` on every
 * WebSocket handshake and every cross-origin request, so a foreign frame (another app under Zoom's web client) is
 * always named; a request without one is not a browser on another site (a server-side client, or a same-origin GET).
 */
export const originAllowed = (origin: string | undefined, appOrigin: string): boolean =>
  origin === undefined || origin === appOrigin;

/**
 * Refuses, before engine.io reads them, handshakes, polling requests and upgrades whose `Origin` is not the app's
 * own: 403 with the app's `{ error: { code, message } }`. Registered with `io.engine.use`, which runs for every
 * engine request (polling requests of an open session and upgrades too, unlike `allowRequest`).
 */
export function originGuard(appOrigin: string, onRefused: (origin: string) => void): EngineMiddleware {
  return (req, res, next) => {
    const { origin } = req.headers;
    if (originAllowed(origin, appOrigin)) {
      next();
      // An upgrade's stand-in response stays referenced by the TCP socket's 'close' listener for the
      // connection's life, and through it the whole upgrade request (about 2 KB a connection); engine.io
      // and ws have used it by now (`next` runs the upgrade synchronously), so it keeps only the socket.
      if (!(res instanceof ServerResponse)) (res as { req: unknown }).req = null;
      return;
    }
    onRefused(String(origin));
    const body = JSON.stringify({
      error: {
        code: 'FORBIDDEN',
        message: `Origin ${String(origin)} may not open Quorum's realtime connection; only ${appOrigin} may`,
      },
    });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
    };
    if (res instanceof ServerResponse) {
      res.writeHead(403, headers);
      res.end(body);
    } else {
      // An upgrade: `res` is engine.io's stand-in over the raw socket, whose `end` only destroys it; answer first.
      const raw = (res as { socket: Duplex }).socket;
      const head = Object.entries({ ...headers, connection: 'close' })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      raw.end(`HTTP/1.1 403 Forbidden\r\n${head}\r\n${body}`);
    }
    // `next` is deliberately not called: engine.io must not handle a refused request.
  };
}
