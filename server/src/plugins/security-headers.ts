import fp from 'fastify-plugin';
import type { Config } from '../config';

/** Options for {@link securityHeadersPlugin}. */
export interface SecurityHeadersOptions {
  config: Config;
}

/**
 * The Content-Security-Policy for HTML pages. socket.io needs the ws(s) origin of PUBLIC_URL listed
 * explicitly (older browsers do not map 'self' to ws:); Zoom's clients must be allowed to frame us.
 */
export function contentSecurityPolicy(publicUrl: string): string {
  const url = new URL(publicUrl);
  const wsOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${wsOrigin} ${url.origin}`,
    "frame-ancestors 'self' https://*.zoom.us https://zoom.us",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Adds the OWASP headers Zoom requires on every text/html response (it refuses to render the page
 * otherwise), and nosniff everywhere. No X-Frame-Options: frame-ancestors governs framing, and the
 * simulator frames the app.
 */
export const securityHeadersPlugin = fp<SecurityHeadersOptions>(
  async (fastify, opts) => {
    const csp = contentSecurityPolicy(opts.config.publicUrl);
    fastify.addHook('onSend', async (_req, reply, payload) => {
      reply.header('X-Content-Type-Options', 'nosniff');
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && type.toLowerCase().startsWith('text/html')) {
        reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
        reply.header('Referrer-Policy', 'same-origin');
        reply.header('Content-Security-Policy', csp);
      }
      return payload;
    });
  },
  { name: 'security-headers', fastify: '5.x' },
);
