import { HTTP_STATUS, parseInput, type AppError } from '@quorum/shared';
import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';

/**
 * Schema-first HTTP routes: a route declares its params, querystring, body and responses as zod schemas
 * (`schema: { body: templateWriteSchema }`), Fastify validates with them before the handler runs, and
 * this type provider types `request.body` and the reply from the same schemas. A dozen lines of our own
 * rather than a dependency: the published zod provider pulls in @fastify/swagger, and Quorum's errors
 * must keep its own `{error:{code,message,field}}` shape, which parseInput already gives.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** A request answered with an app error: thrown by guards and validation, sent by the error handler. */
export class HttpFailure extends Error {
  readonly statusCode: number;
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.statusCode = HTTP_STATUS[appError.code];
  }
}

/** Validates each part of a request with its zod schema, failing as INVALID with the field named. */
export const schemaRoutesPlugin = fp(
  async (app: FastifyInstance) => {
    app.setValidatorCompiler(({ schema }) => (data) => {
      const parsed = parseInput(schema as z.ZodType, data);
      return parsed.ok ? { value: parsed.data } : { error: new HttpFailure(parsed.error) };
    });
    // Responses are checked against their schema too, so a route cannot leak a field it did not declare.
    app.setSerializerCompiler(
      ({ schema }) =>
        (data) =>
          JSON.stringify((schema as z.ZodType).parse(data)),
    );
  },
  { name: 'schema-routes' },
);
