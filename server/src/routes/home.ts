import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { randomGuestId, sessionFromContext } from '../session/session-token';
import { decryptAppContext } from '../zoom/app-context';

/** Options for {@link homeRoutes}; `now` is injectable for tests. */
export interface HomeRoutesOptions {
  config: Config;
  now?: () => number;
}

/** Header the Zoom client sends with the encrypted app context when it loads the Home URL. */
export const APP_CONTEXT_HEADER = 'x-zoom-app-context';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A minimal standalone page (no scripts, so the strict CSP holds). */
export function plainPage(title: string, message: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`
  );
}

/**
 * `GET /` is the Zoom Home URL: it turns a valid `x-zoom-app-context` into the session cookie and
 * serves the client's index.html; `/assets/*` serves the built client. Needs the `session` plugin.
 */
export const homeRoutes: FastifyPluginAsync<HomeRoutesOptions> = async (fastify, opts) => {
  if (!fastify.hasDecorator('sessions')) throw new Error('homeRoutes needs the session plugin registered first');
  const { config } = opts;
  const now = opts.now ?? Date.now;
  const indexHtml = cachedIndex(config.clientDistDir);

  const assets = join(config.clientDistDir, 'assets');
  if (existsSync(assets)) {
    await fastify.register(fastifyStatic, { root: assets, prefix: '/assets/', decorateReply: false });
  }

  fastify.get('/', async (req, reply) => {
    const rejected = establishSession(req, reply, config, now());
    if (rejected) return rejected;
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await indexHtml());
  });
};

// Returns the 401 reply when the header is present but unusable; issues the cookie when it is valid.
// No header is fine: the PWA client and the simulator post getAppContext() to /api/session instead.
function establishSession(
  req: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  at: number,
): FastifyReply | undefined {
  const header = req.headers[APP_CONTEXT_HEADER];
  if (header === undefined) return undefined;
  // Node joins repeated custom headers with ", ", which then fails base64 validation: rejected below.
  const ctx = decryptAppContext(String(header), config.zoomClientSecret, at, config.zoomClientId, {
    maxLifetimeMs: config.zoomAppContextMaxLifetimeSec * 1000,
  });
  if (!ctx.ok) {
    req.log.info({ reason: ctx.error.message }, 'app context rejected');
    return reply
      .code(401)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        plainPage(
          'Quorum could not verify this Zoom session',
          `${ctx.error.message}. Close and reopen the app from Zoom.`,
        ),
      );
  }
  const session = sessionFromContext(
    ctx.data,
    at,
    config.sessionTtlSec * 1000,
    randomGuestId,
    req.session ?? undefined,
  );
  reply.server.sessions.issue(reply, session);
  return undefined;
}

// Read once and kept; a missing build is not cached, so building while the server runs just works.
function cachedIndex(distDir: string): () => Promise<string> {
  let html: string | undefined;
  return async () => {
    if (html !== undefined) return html;
    try {
      html = await readFile(join(distDir, 'index.html'), 'utf8');
      return html;
    } catch {
      return plainPage('Quorum', 'The client is not built: run npm run build, then reload.');
    }
  };
}
