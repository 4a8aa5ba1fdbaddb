import { fail, idSchema, ok, parseInput, templatesFileSchema, templateWriteSchema, type Result } from '@quorum/shared';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSession } from '../plugins/session';
import { TemplateService } from '../services/template-service';
import type { Store } from '../store/types';
import { sendError } from './http-errors';

/** An import may carry 100 full templates: far more than the app's 64 KB body limit. */
const IMPORT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const templateParams = z.object({ id: idSchema });

/** Answers `{[key]: data}`, or the error's status and `{error}`. */
const answer = <T>(reply: FastifyReply, result: Result<T>, key: string, status = 200) =>
  result.ok ? reply.code(status).send({ [key]: result.data }) : sendError(reply, result.error);

/** A session, and a Zoom user id: guests have none, so there is no library to keep their templates in. */
async function requireZoomUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.session) return void (await requireSession.call(request.server, request, reply));
  if (request.session.uid) return;
  const message = 'The poll library is kept per Zoom user: sign in to Zoom and add Quorum to save templates (guests cannot)';
  await sendError(reply, fail('FORBIDDEN', message).error);
}

/** The id in the URL, or INVALID naming it. */
const idOf = (request: FastifyRequest): Result<string> => {
  const parsed = templateParams.safeParse(request.params);
  return parsed.success ? ok(parsed.data.id) : fail('INVALID', 'id: ids are letters, digits, - and _', 'id');
};

/**
 * The poll library over HTTP: per-user templates (list, create, replace, delete) plus JSON import and
 * export. A template is copied into a meeting by sending its draft with `poll:create`.
 */
export const templateRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const templates = new TemplateService(store);
  app.addHook('preHandler', requireZoomUser);
  const uidOf = (request: FastifyRequest) => request.session!.uid!;

  app.get('/api/templates', async (request) => ({ templates: await templates.list(uidOf(request)) }));

  app.post('/api/templates', async (request, reply) => {
    const input = parseInput(templateWriteSchema, request.body);
    if (!input.ok) return sendError(reply, input.error);
    return answer(reply, await templates.create(uidOf(request), input.data.draft), 'template', 201);
  });

  app.put('/api/templates/:id', async (request, reply) => {
    const id = idOf(request);
    if (!id.ok) return sendError(reply, id.error);
    const input = parseInput(templateWriteSchema, request.body);
    if (!input.ok) return sendError(reply, input.error);
    return answer(reply, await templates.put(uidOf(request), id.data, input.data.draft), 'template');
  });

  app.delete('/api/templates/:id', async (request, reply) => {
    const id = idOf(request);
    if (!id.ok) return sendError(reply, id.error);
    return answer(reply, await templates.remove(uidOf(request), id.data), 'id');
  });

  app.get('/api/templates/export', async (request, reply) => {
    const file = await templates.exportFile(uidOf(request));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="quorum-templates.json"')
      .send(JSON.stringify(file, null, 2));
  });

  app.post('/api/templates/import', { bodyLimit: IMPORT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const input = parseInput(templatesFileSchema, request.body);
    if (!input.ok) return sendError(reply, input.error);
    return answer(reply, await templates.importFile(uidOf(request), input.data), 'templates');
  });
};
