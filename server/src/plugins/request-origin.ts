import type { AppError } from '@quorum/shared';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';

/** Methods that read: a browser may send them cross-site (links, images), so they must not change state. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requests whose sender is not a browser page: Zoom's webhooks (signed, server to server) and the
 * fake cloud's token calls. They carry no ambient credential a foreign page could borrow.
 */
const EXEMPT_PREFIXES = ['/api/zoom/webhooks'];

/**
 * Why a state-changing request comes from somewhere other than the app's own pages, or undefined when
 * it does not. The browser says where a request comes from in `Sec-Fetch-Site` (every current browser)
 * and `Origin` (every POST, PUT, PATCH and DELETE); a request with neither is not from a browser, so no
 * cookie of a victim rides on it. The same rule as Go's CrossOriginProtection and Rails' origin check.
 */
export function foreignOrigin(
  req: Pick<FastifyRequest, 'method' | 'url' | 'headers'>,
  appOrigin: string,
): string | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  if (EXEMPT_PREFIXES.some((prefix) => req.url.startsWith(prefix))) return undefined;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === appOrigin ? undefined : `Origin ${origin.slice(0, 100)}`;
  // Without Origin, trust the fetch metadata: "none" is the user's own navigation, not another site's page.
  if (site === undefined || site === 'same-origin' || site === 'none') return undefined;
  return `Sec-Fetch-Site ${String(site).slice(0, 20)}`;
}

/**
 * Cross-site request forgery: a page of another site (another app or iframe inside Zoom's web client)
 * can make the browser send Quorum's SameSite=None cookie with a form post or a fetch. Every
 * state-changing request must therefore come from the app's own origin (PUBLIC_URL), or from no
 * browser at all. Reads stay open: they change nothing and the same-origin policy hides their answers.
 */
export const requestOriginPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    const appOrigin = new URL(config.publicUrl).origin;
    app.addHook('onRequest', async (req, reply) => {
      const foreign = foreignOrigin(req, appOrigin);
      if (!foreign) return;
      req.log.warn({ from: foreign, url: req.url.split('?')[0] }, 'state-changing request from another origin refused');
      const error: AppError = {
        code: 'FORBIDDEN',
        message: `this request comes from another site (${foreign}); only ${appOrigin} may change data`,
      };
      return reply.code(403).send({ error });
    });
  },
  { name: 'request-origin' },
);
