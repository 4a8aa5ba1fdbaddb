import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol/events';

/** `POST /api/session`: the encrypted context from `zoomSdk.getAppContext()`. At most 4 KB. */
export const sessionRequestSchema = z.strictObject({
  context: z.string().min(1).max(4096),
});

export const handshakeAuthSchema = z.object({
  protocolVersion: z.literal(PROTOCOL_VERSION, { error: `protocolVersion must be ${PROTOCOL_VERSION}` }),
  token: z.string().max(2048).optional(),
  participantUUID: z.string().min(1).max(128).optional(),
});
