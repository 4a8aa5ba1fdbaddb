import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../store/types';

/** Liveness for load balancers, plus the socket layer's rejection counters for operators. */
export const healthRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get('/healthz', async (_request, reply) => {
    try {
      await store.ping();
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'down' });
    }
    return { status: 'ok', sockets: app.io.engine.clientsCount, rejected: app.realtime.metrics };
  });
};
