import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isHostRole, normalizeRole, roleSchema, type Role, type SessionView } from '@quorum/shared';
import { z } from 'zod';
import { meetingPlace, type AppContext } from '../zoom/app-context';

/** The identity the server trusts, derived from a decrypted Zoom app context. */
export interface Session {
  /** `u:<zoom uid>` for signed-in users, `g:<random>` for guests. */
  voterId: string;
  uid?: string;
  meetingId: string;
  /** The breakout room (from the encrypted context only); absent in the main meeting room. */
  roomId?: string;
  role: Role;
  /** Epoch ms. */
  exp: number;
  /** Epoch ms the session was made from a Zoom context: a revocation voids the sessions issued before it. */
  iat?: number;
}

const sessionSchema = z.strictObject({
  voterId: z.string().regex(/^[ug]:.+/),
  uid: z.string().min(1).optional(),
  meetingId: z.string().min(1),
  roomId: z.string().min(1).optional(),
  role: roleSchema,
  exp: z.number().int(),
  iat: z.number().int().optional(),
});

// Domain separation: a MAC made for anything else keyed by the same secret never verifies as a session.
const MAC_LABEL = 'quorum.session.v1:';

/** A fresh random guest id suffix (96 bits, base64url). */
export const randomGuestId = (): string => randomBytes(12).toString('base64url');

/**
 * Builds the session for a context. Guests (no uid) get `g:<newGuestId()>`, unless `existing` is a
 * still-valid guest session for the same meeting: reusing it keeps a reloading guest at one vote.
 */
export function sessionFromContext(
  ctx: AppContext,
  now: number,
  ttlMs: number,
  newGuestId: () => string,
  existing?: Session,
): Session {
  // A breakout room belongs to its main meeting: same polls, and a guest moving rooms keeps one vote.
  const place = meetingPlace(ctx);
  const base = { ...place, role: normalizeRole(ctx.attendrole), exp: now + ttlMs, iat: now };
  if (ctx.uid !== undefined) return { ...base, voterId: `u:${ctx.uid}`, uid: ctx.uid };
  const reusable =
    existing !== undefined &&
    existing.uid === undefined &&
    existing.voterId.startsWith('g:') &&
    existing.meetingId === place.meetingId &&
    existing.exp > now;
  return { ...base, voterId: reusable ? existing.voterId : `g:${newGuestId()}` };
}

/** Serialises a session as `base64url(json).base64url(hmac-sha256)`. */
export function signSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** Checks the MAC (timing-safe), the shape and the expiry; anything wrong yields undefined. */
export function verifySession(token: string, secret: string, now: number): Session | undefined {
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [payload = '', sig = ''] = parts;
  // Compare the encoded text, not decoded bytes: base64url decoding skips stray characters.
  const given = Buffer.from(sig, 'utf8');
  const expected = Buffer.from(mac(payload, secret).toString('base64url'), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const session = sessionSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
  if (!session.success || session.data.exp <= now) return undefined;
  return session.data;
}

/** What the client may know about its own session. */
export function toSessionView(session: Session): SessionView {
  return {
    voterId: session.voterId,
    meetingId: session.meetingId,
    role: session.role,
    isHost: isHostRole(session.role),
    authorized: session.uid !== undefined,
    ...(session.roomId === undefined ? {} : { roomId: session.roomId }),
  };
}

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(MAC_LABEL + payload)
    .digest();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
