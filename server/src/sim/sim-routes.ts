import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HTTP_STATUS, parseInput } from '@quorum/shared';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Config } from '../config';
import { contextTypeFor, sealSimContext, simContextRequestSchema, simFrameQuerySchema } from './sim-context';

/** Options for {@link simRoutes}; `now` is injectable for tests. */
export interface SimRoutesOptions {
  config: Config;
  now?: () => number;
}

/** What the Zoom client sends as its User-Agent (docs/zoom-apps/architecture). */
const ZOOM_USER_AGENT = 'Mozilla/5.0 ZoomWebKit/537.36 (KHTML, like Gecko) ZoomApps/1.0';

// Connection-level headers describe the inner (injected) exchange, not the one we answer on;
// content-length is recomputed by Fastify from the relayed body.
const NOT_RELAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

/** Dev-only Zoom client simulator: the `/sim` page, app frames with a sealed context, and contexts on demand. */
export const simRoutes: FastifyPluginAsync<SimRoutesOptions> = async (fastify, opts) => {
  const { config } = opts;
  const now = opts.now ?? Date.now;

  fastify.get('/sim', async (req, reply) => {
    // Read on every request: this is a dev tool and a rebuild should show up on reload.
    try {
      const html = await readFile(join(config.clientDistDir, 'sim', 'index.html'), 'utf8');
      return await reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    } catch {
      req.log.warn('simulator page is not built');
      return reply.code(HTTP_STATUS.NOT_FOUND).send({
        error: {
          code: 'NOT_FOUND',
          message: 'The simulator page is not built: run `npx vite build`, then reload /sim.',
        },
      });
    }
  });

  // The Home URL as Zoom would load it: same request, plus a freshly sealed x-zoom-app-context.
  // An iframe navigation cannot carry custom headers, so the header is added here and `/` is run in-process.
  fastify.get('/sim/frame', async (req, reply) => {
    const query = parseInput(simFrameQuerySchema, req.query);
    if (!query.ok) return reply.code(HTTP_STATUS.INVALID).send({ error: query.error });
    const { ctx, name: _name, ...person } = query.data;
    const sealed = sealSimContext({ ...person, typ: contextTypeFor(ctx) }, config, now());
    const headers: Record<string, string> = { 'x-zoom-app-context': sealed, 'user-agent': ZOOM_USER_AGENT };
    if (req.headers.cookie) headers.cookie = req.headers.cookie;
    if (req.headers.host) headers.host = req.headers.host;
    const inner = await fastify.inject({ method: 'GET', url: '/', headers });
    return relay(reply, inner.statusCode, inner.headers, inner.rawPayload);
  });

  fastify.post('/sim/api/context', async (req, reply) => {
    const input = parseInput(simContextRequestSchema, req.body);
    if (!input.ok) return reply.code(HTTP_STATUS.INVALID).send({ error: input.error });
    return reply
      .code(200)
      .header('cache-control', 'no-store')
      .send({ context: sealSimContext(input.data, config, now()) });
  });
};

function relay(reply: FastifyReply, status: number, headers: Record<string, unknown>, body: Buffer): FastifyReply {
  reply.code(status);
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_RELAYED.has(name.toLowerCase())) continue;
    // Arrays stay arrays so that several Set-Cookie headers survive the relay.
    reply.header(name, Array.isArray(value) ? value.map(String) : String(value));
  }
  return reply.send(body);
}
