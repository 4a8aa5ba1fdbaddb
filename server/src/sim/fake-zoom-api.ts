import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FakeZoomState } from './fake-zoom-state';

/** Options of {@link fakeZoomApiRoutes}. */
export interface FakeApiOptions {
  state: FakeZoomState;
  /** Unknown meetings are created on first read with the caller as host (handy in the simulator). */
  autoCreateMeetings: boolean;
}

const zoomError = (reply: FastifyReply, status: number, code: number, message: string) =>
  reply.code(status).send({ code, message });

const pageQuerySchema = z.object({
  page_size: z.coerce.number().int().min(1).max(300).default(30),
  next_page_token: z.string().optional(),
});

/**
 * The meeting id as Zoom's gateway sees it: the router has decoded the path once; Zoom decodes once
 * more, so a UUID that needs double encoding arrives here still encoded. One that was encoded only
 * once ('/' or '//') would have been split into path segments by Zoom: treated as not found.
 */
export function gatewayMeetingId(param: string): string | undefined {
  if (param.startsWith('/') || param.includes('//')) return undefined;
  try {
    return /%[0-9A-Fa-f]{2}/.test(param) ? decodeURIComponent(param) : param;
  } catch {
    return undefined;
  }
}

/** Fake `api.zoom.us/v2`: users/me, meetings/{id}, past participants, deeplink; bearer tokens required. */
export const fakeZoomApiRoutes: FastifyPluginAsync<FakeApiOptions> = async (app, { state, autoCreateMeetings }) => {
  const caller = (req: FastifyRequest): string | undefined => {
    const auth = req.headers.authorization;
    return auth?.startsWith('Bearer ') ? state.userFor(auth.slice(7).trim()) : undefined;
  };
  app.addHook('preHandler', async (req, reply) => {
    if (!caller(req)) return zoomError(reply, 401, 124, 'Invalid access token.');
  });

  app.get('/users/me', async (req) => state.user(caller(req)!));

  app.get<{ Params: { id: string } }>('/meetings/:id', async (req, reply) => {
    const id = gatewayMeetingId(req.params.id);
    const meeting = id === undefined ? undefined : state.meeting(id, autoCreateMeetings ? caller(req) : undefined);
    if (!meeting) return zoomError(reply, 404, 3001, `Meeting does not exist: ${req.params.id}.`);
    const { participants: _participants, ...view } = meeting;
    return {
      ...view,
      type: 2,
      duration: 60,
      timezone: 'UTC',
      join_url: `https://sim.zoom.test/j/${meeting.id}`,
      settings: {},
    };
  });

  app.get<{ Params: { id: string } }>('/past_meetings/:id/participants', async (req, reply) => {
    const id = gatewayMeetingId(req.params.id);
    const meeting = id === undefined ? undefined : state.meeting(id);
    if (!meeting) return zoomError(reply, 404, 3001, `Meeting does not exist: ${req.params.id}.`);
    const page = pageQuerySchema.parse(req.query);
    const start = Number(page.next_page_token ?? '0') || 0;
    const rows = meeting.participants.slice(start, start + page.page_size);
    const next = start + page.page_size < meeting.participants.length ? String(start + page.page_size) : '';
    return {
      page_size: page.page_size,
      total_records: meeting.participants.length,
      next_page_token: next,
      participants: rows,
    };
  });

  app.post('/zoomapp/deeplink', async (req, reply) => {
    const body = z.object({ action: z.string().max(2048).optional() }).safeParse(req.body ?? {});
    if (!body.success) return zoomError(reply, 400, 300, 'Invalid request body.');
    // The real link opens the Zoom client; here the simulator page plays the client.
    const origin = `${req.protocol}://${req.host}`;
    return { deeplink: `${origin}/sim?deeplink=${encodeURIComponent(body.data.action ?? '')}` };
  });
};
