import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of Zoom's webhook signature scheme. */
export const ZOOM_SIGNATURE_HEADER = 'x-zm-signature';
export const ZOOM_TIMESTAMP_HEADER = 'x-zm-request-timestamp';

/** Why a signature check failed; the route maps every reason to 401. */
export type SignatureFailure = 'missing signature headers' | 'stale timestamp' | 'bad signature';

/**
 * What {@link verifySignature} needs; `nowMs` is the receiver's clock, `maxAgeSec` the clock-skew window
 * (both directions), `retryWindowSec` how old a timestamp may be when it is a retry's (past only).
 */
export interface SignatureCheck {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Uint8Array;
  nowMs: number;
  maxAgeSec: number;
  retryWindowSec?: number;
}

/** Lower-case hex HMAC-SHA256 of `message`. */
export function hmacHex(secret: string, message: string | Uint8Array): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`): Zoom's `x-zm-signature`, computed over the
 * body bytes exactly as sent (re-serialising parsed JSON can change them).
 */
export function signPayload(secret: string, timestamp: string | number, body: string | Uint8Array): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return `v0=${hmacHex(secret, Buffer.concat([Buffer.from(`v0:${timestamp}:`, 'utf8'), bytes]))}`;
}

/** The two signature headers for a body sent now (the fake cloud, the replay tool, outgoing webhooks). */
export function signatureHeaders(
  secret: string,
  body: string | Uint8Array,
  nowMs: number,
): { timestamp: string; signature: string } {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { timestamp, signature: signPayload(secret, timestamp, body) };
}

/**
 * Checks the timestamp window (seconds; a future-dated request fails beyond `maxAgeSec`, an old one
 * beyond the larger of `maxAgeSec` and `retryWindowSec`) and then the signature with a constant-time
 * compare. Within the window a replay verifies; the caller's inbox de-duplication is what stops it.
 */
export function verifySignature(check: SignatureCheck): { ok: true } | { ok: false; reason: SignatureFailure } {
  const { timestamp, signature } = check;
  if (!timestamp || !signature || !/^\d{1,15}$/.test(timestamp))
    return { ok: false, reason: 'missing signature headers' };
  const ageSec = check.nowMs / 1000 - Number(timestamp);
  if (ageSec < -check.maxAgeSec || ageSec > Math.max(check.maxAgeSec, check.retryWindowSec ?? 0))
    return { ok: false, reason: 'stale timestamp' };
  const expected = Buffer.from(signPayload(check.secret, timestamp, check.body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad signature' };
  return { ok: true };
}

/** The answer to `endpoint.url_validation`: the token back, plus its hex HMAC-SHA256 under the secret. */
export function urlValidationAnswer(
  secret: string,
  plainToken: string,
): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: hmacHex(secret, plainToken) };
}
