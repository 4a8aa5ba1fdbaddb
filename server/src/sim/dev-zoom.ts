import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { createFakeZoomCloud, fakeCloudOptions } from './fake-zoom-cloud';
import { simRoutes } from './sim-routes';

/** The developer's Zoom: the simulator's routes and a fake Zoom cloud (OAuth, REST, webhooks, a mail catcher). */
export interface DevZoom {
  /** The fake cloud's SMTP receiver, for the report email. */
  smtpUrl: string | undefined;
  /** Mounts the simulator at /sim and the fake cloud at /sim/zoom. */
  mount(app: FastifyInstance): Promise<void>;
  close(): Promise<void>;
}

/** Starts the fake cloud for this config (its OAuth and API base URLs point here by default outside production). */
export async function startDevZoom(config: Config): Promise<DevZoom> {
  const cloud = await createFakeZoomCloud(fakeCloudOptions(config));
  return {
    smtpUrl: cloud.smtpUrl,
    async mount(app) {
      await app.register(simRoutes, { config });
      await app.register(cloud.routes, { prefix: '/sim/zoom' });
    },
    close: () => cloud.close(),
  };
}
