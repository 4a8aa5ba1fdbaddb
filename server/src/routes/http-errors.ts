import { HTTP_STATUS, type AppError } from '@quorum/shared';
import type { FastifyReply } from 'fastify';

/** Answers `{error}` with the HTTP status its code maps to, as every route and socket ack agree. */
export const sendError = (reply: FastifyReply, error: AppError) => reply.code(HTTP_STATUS[error.code]).send({ error });

/** An attachment download with a name that says what it is. */
export const sendAttachment = (reply: FastifyReply, type: string, name: string, body: string | object) =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(body);
