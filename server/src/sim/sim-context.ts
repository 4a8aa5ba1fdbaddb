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

/** Body of `POST /sim/api/context`: who asks, in which meeting; `typ` 'panel' is the main client. */
export const simContextRequestSchema = z.strictObject({
  mid: meetingUuid,
  uid: zoomUserId.optional(),
  role: appContextRoleSchema,
  typ: z.enum(['meeting', 'panel']).default('meeting'),
  iid: invitationId.optional(),
});

/** Query of `GET /sim/frame`; `name` only makes the URL readable in the simulator's log and devtools. */
export const simFrameQuerySchema = z.object({
  mid: meetingUuid,
  uid: zoomUserId.optional(),
  role: appContextRoleSchema,
  name: z.string().max(100).optional(),
  ctx: z.enum(['inMeeting', 'inMainClient']).default('inMeeting'),
  iid: invitationId.optional(),
});

/** One simulated person's view of the meeting, from which a context is sealed. */
export type SimContextRequest = z.infer<typeof simContextRequestSchema>;

/** The payload Zoom would encrypt for this person; `uid` is left out for guests, as Zoom does. */
export function simContextPayload(req: SimContextRequest, clientId: string, now: number): Record<string, unknown> {
  return {
    typ: req.typ,
    ...(req.uid === undefined ? {} : { uid: req.uid }),
    mid: req.mid,
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
export function sealSimContext(req: SimContextRequest, config: Pick<Config, 'zoomClientId' | 'zoomClientSecret'>, now: number): string {
  return sealAppContext(simContextPayload(req, config.zoomClientId, now), config.zoomClientSecret);
}
