import { z } from 'zod';

/** `POST /api/zoom/authorize` → what `zoomSdk.authorize({codeChallenge, state})` needs. */
export const zoomAuthorizeResponseSchema = z.object({
  codeChallenge: z.string(),
  state: z.string(),
  codeChallengeMethod: z.enum(['plain', 'S256']),
});

/**
 * `POST /api/zoom/authorized`: the `code` from `onAuthorized`, the `state` it echoes and the
 * `redirectUri` it reports; Zoom binds the code to that URI, so the server redeems with it (on its own
 * origin only).
 */
export const zoomAuthorizedRequestSchema = z.strictObject({
  code: z.string().min(1).max(2048),
  state: z.string().min(1).max(256),
  redirectUri: z.url({ protocol: /^https?$/ }).max(2048),
});

/** `GET /api/zoom/status` and the answer to `POST /api/zoom/authorized`. */
export const zoomStatusSchema = z.object({
  /** The session has a Zoom user id (guests must `promptAuthorize` first). */
  canAuthorize: z.boolean(),
  /** Quorum holds usable tokens for this Zoom user. */
  authorized: z.boolean(),
});

/** `GET /api/zoom/meeting`: the meeting of the session, as Zoom's REST API describes it. */
export const zoomMeetingViewSchema = z.object({
  uuid: z.string(),
  id: z.string(),
  topic: z.string(),
  hostId: z.string(),
  /** The caller is the meeting's Zoom host. */
  isHost: z.boolean(),
});

/** One email or outgoing webhook set off when the meeting ended (`GET /api/deliveries`). */
export const deliveryViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['email', 'webhook']),
  /** URL, or the recipient's address with the local part masked. */
  target: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'skipped']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const deliveriesResponseSchema = z.object({ deliveries: z.array(deliveryViewSchema) });

/** The dev-only fake Zoom cloud's events the simulator can trigger (`POST /sim/zoom/events`). */
export const simZoomEventRequestSchema = z.strictObject({
  event: z.enum([
    'meeting.started',
    'meeting.ended',
    'meeting.participant_joined',
    'meeting.participant_left',
    'app_deauthorized',
  ]),
  /** Meeting UUID (the app context's `mid`); required for meeting.* events. */
  meetingUuid: z.string().min(1).max(200).optional(),
  topic: z.string().max(200).optional(),
  /** Zoom user id of the host (meeting.started registers the meeting with it). */
  hostId: z.string().min(1).max(100).optional(),
  participant: z
    .strictObject({
      uid: z.string().min(1).max(100).optional(),
      name: z.string().min(1).max(100),
      email: z.string().max(200).optional(),
    })
    .optional(),
  /** Zoom user id that removed the app (app_deauthorized). */
  userId: z.string().min(1).max(100).optional(),
});

/** What the fake cloud caught or sent (`GET /sim/zoom/outbox`), newest last. */
export const simOutboxSchema = z.object({
  emails: z.array(
    z.object({
      id: z.string(),
      at: z.number(),
      from: z.string(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
    }),
  ),
  webhooks: z.array(
    z.object({
      id: z.string(),
      at: z.number(),
      name: z.string(),
      status: z.number(),
      signatureValid: z.boolean(),
      body: z.unknown(),
    }),
  ),
  sentEvents: z.array(
    z.object({
      id: z.string(),
      event: z.string(),
      target: z.string(),
      attempts: z.array(z.object({ at: z.number(), status: z.number().nullable(), error: z.string().nullable() })),
      delivered: z.boolean(),
      pendingRetry: z.boolean(),
    }),
  ),
});

export type ZoomAuthorizeResponse = z.infer<typeof zoomAuthorizeResponseSchema>;
export type ZoomAuthorizedRequest = z.infer<typeof zoomAuthorizedRequestSchema>;
export type ZoomStatus = z.infer<typeof zoomStatusSchema>;
export type ZoomMeetingView = z.infer<typeof zoomMeetingViewSchema>;
export type DeliveryView = z.infer<typeof deliveryViewSchema>;
export type SimZoomEventRequest = z.infer<typeof simZoomEventRequestSchema>;
export type SimOutbox = z.infer<typeof simOutboxSchema>;
