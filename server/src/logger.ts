import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config';

/** Everything that could carry a secret or an identity token, censored before it reaches a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-zoom-app-context"]',
  'res.headers["set-cookie"]',
  '*.token',
  '*.context',
  '*.access_token',
  '*.refresh_token',
  '*.code_verifier',
  '*.clientSecret',
];

/** pino options for Fastify's logger. */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
