import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol/events';
import { roleSchema } from './poll';

/** `POST /api/session`: the encrypted context from `zoomSdk.getAppContext()`. At most 4 KB. */
export const sessionRequestSchema = z.strictObject({
  context: z.string().min(1).max(4096),
});

export const handshakeAuthSchema = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION, { error: `protocolVersion must be ${PROTOCOL_VERSION}` }),
  token: z.string().max(2048).optional(),
  participantUUID: z.string().min(1).max(128).optional(),
});

/** Who the server says you are (`SessionView`), as a schema: the client checks what a page hands it. */
export const sessionViewSchema = z.strictObject({
  voterId: z.string().min(1),
  meetingId: z.string().min(1),
  role: roleSchema,
  isHost: z.boolean(),
  authorized: z.boolean(),
  roomId: z.string().min(1).optional(),
});

/** A session handed out: the bearer token and who it is for (`POST /api/session`, or in the Home page). */
export const sessionGrantSchema = z.strictObject({
  token: z.string().min(1).max(2048),
  session: sessionViewSchema,
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

/** The id of the Home page's inert JSON block carrying the session its Zoom context opened. */
export const SESSION_GRANT_ELEMENT_ID = 'quorum-session';
