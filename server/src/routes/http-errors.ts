import { HTTP_STATUS, type AppError } from '@quorum/shared';
import type { FastifyReply } from 'fastify';

/** Answers `{error}` with the HTTP status its code maps to, as every route and socket ack agree. */
export const sendError = (reply: FastifyReply, error: AppError) => reply.code(HTTP_STATUS[error.code]).send({ error });
