import type { DeliveryView } from '@quorum/shared';
import type { FastifyPluginAsync } from 'fastify';
import { assertSession, requireSession } from '../plugins/session';
import { hostOnly } from '../services/poll-guard';
import type { DeliveryRecord, Store } from '../store/types';
import { sendError } from './http-errors';

/** `host@example.com` → `h***@example.com`: enough to recognise, not to harvest. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
}

const toView = (d: DeliveryRecord): DeliveryView => ({
  id: d.id,
  kind: d.kind,
  target: d.kind === 'email' && d.target.includes('@') ? maskEmail(d.target) : d.target,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

/** `GET /api/deliveries`: the report email and outgoing webhooks of the caller's meeting (hosts only). */
export const deliveryRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get('/api/deliveries', { preValidation: requireSession }, async (req, reply) => {
    assertSession(req);
    const { session } = req;
    const allowed = hostOnly(session, 'see deliveries');
    if (!allowed.ok) return sendError(reply, allowed.error);
    const deliveries = (await store.deliveries.listByMeeting(session.meetingId)).map(toView);
    return reply.header('cache-control', 'no-store').send({ deliveries });
  });
};
