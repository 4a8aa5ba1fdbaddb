import { z } from 'zod';

/** The longest a restarting server may ask clients to wait before reconnecting. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * `server:restarting`, sent to every socket just before a graceful shutdown closes it: the client waits about
 * `retryAfterMs` (with jitter, so a room does not come back at once) and reconnects by itself.
 */
export const serverRestartingSchema = z.strictObject({
  retryAfterMs: z.number().int().min(0).max(MAX_RETRY_AFTER_MS),
});
export type ServerRestarting = z.infer<typeof serverRestartingSchema>;
