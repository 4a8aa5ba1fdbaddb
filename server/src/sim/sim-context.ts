import { z } from 'zod';
import type { Config } from '../config';
import { sealAppContext } from '../zoom/app-context';

/** Zoom's lifetime for an app context: the dumps show exp − ts of about two minutes. */
export const SIM_CONTEXT_TTL_MS = 120_000;

/** Roles as the app context spells them (`attendrole`); getUserContext and onParticipantChange differ. */
export const appContextRoleSchema = z.enum(['host', 'co-host', 'participant', 'panelist', 'attendee']);

const meetingUuid = z.string().min(1).max(200);
const zoomUserId = z.string().min(1).max(100);
const invitationId = z.string().min(1).max(200);

/**
 * Body of `POST /sim/api/context`: who asks, in which meeting; `typ` 'panel' is the main client. In a
 * breakout room the simulator sends the room's UUID as `mid` and the main meeting's as `pid`, as
 * Zoom's breakout-room guide describes (or, to test the other documented form, `bmid` beside the main `mid`).
 */
export const simContextRequestSchema = z.strictObject({
  mid: meetingUuid,
  pid: meetingUuid.optional(),
  bmid: meetingUuid.optional(),
  uid: zoomUserId.optional(),
  role: appContextRoleSchema,
  typ: z.enum(['meeting', 'webinar', 'panel']).default('meeting'),
  iid: invitationId.optional(),
});

/** The context `typ` for a running context: the main client is a 'panel', a webinar a 'webinar'. */
export const contextTypeFor = (ctx: SimFrameQuery['ctx']): SimContextRequest['typ'] =>
  ctx === 'inMainClient' ? 'panel' : ctx === 'inWebinar' ? 'webinar' : 'meeting';

/** Query of `GET /sim/frame`; `name` only makes the URL readable in the simulator's log and devtools. */
export const simFrameQuerySchema = z.object({
  mid: meetingUuid,
  pid: meetingUuid.optional(),
  bmid: meetingUuid.optional(),
  uid: zoomUserId.optional(),
  role: appContextRoleSchema,
  name: z.string().max(100).optional(),
  /** The running context the simulator gives this instance (sdk.d.ts RunningContext). */
  ctx: z
    .enum(['inMeeting', 'inWebinar', 'inCollaborate', 'inImmersive', 'inCamera', 'inMainClient'])
    .default('inMeeting'),
  iid: invitationId.optional(),
});

type SimFrameQuery = z.infer<typeof simFrameQuerySchema>;

/** One simulated person's view of the meeting, from which a context is sealed. */
export type SimContextRequest = z.infer<typeof simContextRequestSchema>;

/** The payload Zoom would encrypt for this person; `uid` is left out for guests, as Zoom does. */
export function simContextPayload(req: SimContextRequest, clientId: string, now: number): Record<string, unknown> {
  return {
    typ: req.typ,
    ...(req.uid === undefined ? {} : { uid: req.uid }),
    mid: req.mid,
    ...(req.pid === undefined ? {} : { pid: req.pid }),
    ...(req.bmid === undefined ? {} : { bmid: req.bmid }),
    aud: clientId,
    iss: 'marketplace.zoom.us',
    ts: now,
    exp: now + SIM_CONTEXT_TTL_MS,
    entitlements: [],
    attendrole: req.role,
    ...(req.iid === undefined ? {} : { iid: req.iid }),
  };
}

/** Seals a fresh context for `req` with the configured client id and secret. */
export function sealSimContext(
  req: SimContextRequest,
  config: Pick<Config, 'zoomClientId' | 'zoomClientSecret'>,
  now: number,
): string {
  return sealAppContext(simContextPayload(req, config.zoomClientId, now), config.zoomClientSecret);
}
