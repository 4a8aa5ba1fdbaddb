import {
  fail,
  idSchema,
  templateDeletedSchema,
  templateListSchema,
  templateResponseSchema,
  templatesFileSchema,
  templateWriteSchema,
  type Result,
} from '@quorum/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpFailure, type ZodTypeProvider } from '../plugins/schema-routes';
import { assertSession } from '../plugins/session';
import { TemplateService } from '../services/template-service';
import type { Store } from '../store/types';
import { sendError } from './http-errors';

/** An import may carry 100 full templates: far more than the app's 64 KB body limit. */
const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const params = z.object({ id: idSchema });

/** Answers `{[key]: data}`, or the error's status and `{error}`. */
const answer = <T>(reply: FastifyReply, result: Result<T>, key: string, status = 200) =>
  result.ok ? reply.code(status).send({ [key]: result.data }) : sendError(reply, result.error);

/** The session's Zoom user id: guests have none, so there is no library to keep their templates in. */
function zoomUserOf(request: FastifyRequest): string {
  assertSession(request);
  if (request.session.uid) return request.session.uid;
  const message =
    'The poll library is kept per Zoom user: sign in to Zoom and add Quorum to save templates (guests cannot)';
  throw new HttpFailure(fail('FORBIDDEN', message).error);
}

/**
 * The poll library over HTTP: per-user templates (list, create, replace, delete) plus JSON import and
 * export. A template is copied into a meeting by sending its draft with `poll:create`.
 */
export const templateRoutes: FastifyPluginAsync<{ store: Store }> = async (base, { store }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const templates = new TemplateService(store);
  // Before validation, so a guest or a stranger learns they may not, not what their body lacked.
  app.addHook('preValidation', async (request) => void zoomUserOf(request));

  app.get('/api/templates', { schema: { response: { 200: templateListSchema } } }, async (request) => ({
    templates: await templates.list(zoomUserOf(request)),
  }));

  app.post(
    '/api/templates',
    { schema: { body: templateWriteSchema, response: { 201: templateResponseSchema } } },
    async (request, reply) =>
      answer(reply, await templates.create(zoomUserOf(request), request.body.draft), 'template', 201),
  );

  app.put(
    '/api/templates/:id',
    { schema: { params, body: templateWriteSchema, response: { 200: templateResponseSchema } } },
    async (request, reply) =>
      answer(reply, await templates.put(zoomUserOf(request), request.params.id, request.body.draft), 'template'),
  );

  app.delete(
    '/api/templates/:id',
    { schema: { params, response: { 200: templateDeletedSchema } } },
    async (request, reply) => answer(reply, await templates.remove(zoomUserOf(request), request.params.id), 'id'),
  );

  app.get('/api/templates/export', async (request, reply) => {
    const file = await templates.exportFile(zoomUserOf(request));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="quorum-templates.json"')
      .send(JSON.stringify(file, null, 2));
  });

  app.post(
    '/api/templates/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: { body: templatesFileSchema, response: { 200: templateListSchema } },
    },
    async (request, reply) => answer(reply, await templates.importFile(zoomUserOf(request), request.body), 'templates'),
  );
};
