import { HTTP_STATUS, type ErrorCode } from '@quorum/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpFailure } from './schema-routes';

/** Fastify's own 4xx errors mapped onto the shared codes. */
function codeFor(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  return status >= 500 ? 'INTERNAL' : 'INVALID';
}

/**
 * Fastify's `frameworkErrors`: failures before routing (a URL that does not decode, an async
 * constraint that threw) answered in the app's shape instead of Fastify's default body.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(HTTP_STATUS.INVALID).send({ error: { code: 'INVALID', message: error.message } });
}

/** The client's message, naming the limit when a body was too large (Fastify's own says only "too large"). */
function clientMessage(error: FastifyError, request: FastifyRequest): string {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return error.message;
  return `request body larger than the limit of ${request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit} bytes`;
}

/**
 * One error shape for every HTTP failure, `{error:{code,message}}`. 5xx details stay in the log,
 * never in the response.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      // A guard or a schema refused the request: its own code, message and field.
      if (error instanceof HttpFailure) return reply.code(error.statusCode).send({ error: error.appError });
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      const code = codeFor(status);
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.code(status).send({ error: { code, message: 'something went wrong on our side' } });
      }
      return reply.code(status).send({ error: { code, message: clientMessage(error, request) } });
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .code(HTTP_STATUS.NOT_FOUND)
        .send({ error: { code: 'NOT_FOUND', message: `no route for ${request.method} ${request.url}` } }),
    );
  },
  { name: 'error-handler' },
);
