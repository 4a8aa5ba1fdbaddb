import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from './config';

/** Everything that could carry a secret or an identity token, censored before it reaches a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-zoom-app-context"]',
  'req.headers["x-zm-signature"]',
  'res.headers["set-cookie"]',
  '*.token',
  '*.context',
  '*.access_token',
  '*.refresh_token',
  '*.code_verifier',
  '*.codeVerifier',
  '*.accessToken',
  '*.refreshToken',
  '*.sealedTokens',
  '*.clientSecret',
  '*.secret',
  '*.smtpUrl',
  '*.authorization',
];

/**
 * The request URL with every query value replaced: OAuth callbacks carry the authorization code and
 * state in the query, and a log line must not be enough to redeem them.
 */
export function redactQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = new URLSearchParams(url.slice(at + 1)).keys();
  return `${url.slice(0, at)}?${[...new Set(names)].map((name) => `${encodeURIComponent(name)}=[redacted]`).join('&')}`;
}

function serializeRequest(req: FastifyRequest) {
  return { method: req.method, url: redactQuery(req.url), host: req.host, remoteAddress: req.ip };
}

/** Where log lines go instead of stdout (a test's capture buffer). */
export interface LogStream {
  write(line: string): void;
}

/** pino options for Fastify's logger; `stream` lets a test read exactly what would be written. */
export function loggerOptions(config: Config, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest },
    ...(stream ? { stream } : {}),
  };
}
