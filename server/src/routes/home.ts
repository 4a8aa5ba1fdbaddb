import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_GRANT_ELEMENT_ID, type SessionGrant } from '@quorum/shared';
import type { Config } from '../config';
import type { SessionOpener } from '../session/session-opener';
import { toSessionView } from '../session/session-token';

/** Options for {@link homeRoutes}. */
export interface HomeRoutesOptions {
  config: Config;
  opener: SessionOpener;
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
  const { config, opener } = opts;
  const indexHtml = cachedIndex(config.clientDistDir);

  const assets = join(config.clientDistDir, 'assets');
  if (existsSync(assets)) {
    await fastify.register(fastifyStatic, { root: assets, prefix: '/assets/', decorateReply: false });
  }

  fastify.get('/', async (req, reply) => {
    const grant = await establishSession(req, reply, opener);
    if (grant === 'rejected') return reply;
    const html = await indexHtml();
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(grant ? withGrant(html, grant) : html);
  });
};

/**
 * A valid `x-zoom-app-context` opens the session here, as `POST /api/session` would for a page holding
 * no token: the cookie is set and the token travels in the page, so the client starts without another
 * round trip. No header is fine (Zoom's PWA client posts getAppContext() instead); a header that does
 * not verify gets a 401 page.
 */
async function establishSession(
  req: FastifyRequest,
  reply: FastifyReply,
  opener: SessionOpener,
): Promise<SessionGrant | 'rejected' | undefined> {
  const header = req.headers[APP_CONTEXT_HEADER];
  if (header === undefined) return undefined;
  // Node joins repeated custom headers with ", ", which then fails base64 validation: rejected below.
  const opened = await opener.open(String(header), undefined);
  if (!opened.ok) {
    req.log.info({ reason: opened.error.message }, 'app context rejected');
    void reply
      .code(401)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        plainPage(
          'Quorum could not verify this Zoom session',
          `${opened.error.message}. Close and reopen the app from Zoom.`,
        ),
      );
    return 'rejected';
  }
  return { token: reply.server.sessions.issue(reply, opened.data), session: toSessionView(opened.data) };
}

/**
 * The page with its session as an inert JSON block (`type="application/json"` never runs, so the
 * strict CSP holds); `<` is escaped so the data cannot close the element.
 */
function withGrant(html: string, grant: SessionGrant): string {
  const json = JSON.stringify(grant).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${SESSION_GRANT_ELEMENT_ID}">${json}</script>`;
  return html.includes('</head>') ? html.replace('</head>', () => `${block}</head>`) : html + block;
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
