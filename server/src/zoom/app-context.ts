import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '@quorum/shared';
import { z } from 'zod';

/** Longest encoded context accepted; real ones are a few hundred characters. */
export const MAX_APP_CONTEXT_CHARS = 4096;

const TAG_BYTES = 16;
const DEFAULT_IV_BYTES = 12;

/** The decrypted `x-zoom-app-context` payload (times are epoch milliseconds); unknown fields are kept. */
export const appContextSchema = z.looseObject({
  typ: z.string().optional(),
  uid: z.string().min(1).optional(),
  mid: z.string().min(1).optional(),
  aud: z.string().optional(),
  iss: z.string().optional(),
  ts: z.number().optional(),
  exp: z.number(),
  attendrole: z.string().optional(),
  bmid: z.string().optional(),
  pid: z.string().min(1).optional(),
  iid: z.string().optional(),
  entitlements: z.array(z.unknown()).optional(),
});

/** A decrypted, validated app context: `mid` is always present. */
export type AppContext = z.infer<typeof appContextSchema> & { mid: string };

/** The pieces of the sealed byte layout, before decryption. */
export interface PackedAppContext {
  iv: Buffer;
  aad: Buffer;
  cipherText: Buffer;
  tag: Buffer;
}

/** Options for {@link sealAppContext}; fixed values exist for known-answer tests only. */
export interface SealOptions {
  iv?: Uint8Array;
  aad?: Uint8Array | string;
  encoding?: 'base64' | 'base64url';
}

const malformed = (why: string) => fail('UNAUTHENTICATED', `Zoom app context is malformed: ${why}`);

/**
 * Splits `[ivLength:1][iv][aadLength:2 LE][aad][cipherTextLength:4 LE][cipherText][tag:16]`.
 * Pure and bounds-checked: a truncated or padded buffer is an error, never an exception.
 */
export function unpackAppContext(bytes: Uint8Array): Result<PackedAppContext> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const take = (n: number): Buffer | undefined => {
    if (n < 0 || at + n > buf.length) return undefined;
    const part = buf.subarray(at, at + n);
    at += n;
    return part;
  };
  const ivLen = take(1)?.readUInt8(0);
  if (ivLen === undefined || ivLen === 0) return malformed('missing IV');
  const iv = take(ivLen);
  const aadLen = take(2)?.readUInt16LE(0);
  if (!iv || aadLen === undefined) return malformed('truncated before the AAD');
  const aad = take(aadLen);
  const cipherLen = take(4)?.readUInt32LE(0);
  if (!aad || cipherLen === undefined) return malformed('truncated before the ciphertext');
  const cipherText = take(cipherLen);
  if (!cipherText) return malformed('truncated ciphertext');
  // The tag is "the rest"; insisting on exactly 16 bytes means no unauthenticated bytes ride along.
  if (buf.length - at !== TAG_BYTES) return malformed('authentication tag must be 16 bytes');
  const tag = buf.subarray(at);
  return ok({ iv, aad, cipherText, tag });
}

/** How far a context's clock (`ts`) may run ahead of ours, and `exp` beyond the lifetime, before it is refused. */
export const APP_CONTEXT_CLOCK_SKEW_MS = 60_000;

/** Bounds on a context's times; the server passes its configured ones (ZOOM_APP_CONTEXT_MAX_LIFETIME_SEC). */
export interface AppContextLimits {
  /** Longest `exp − ts` (and `exp − now`) accepted: how long a sealed context can be replayed. */
  maxLifetimeMs: number;
}

/**
 * Decodes, decrypts and checks an app context (AES-256-GCM keyed by SHA-256 of the client secret).
 * `now` and `exp` are epoch ms; `expectedClientId`, when given, must equal `aud`; `limits`, when given,
 * bound `exp` and `ts` (Zoom's contexts live about two minutes, so one that claims ten years is refused).
 * Each refusal names the claim at fault, never a value, so the log line can say why.
 */
export function decryptAppContext(
  encoded: string,
  clientSecret: string,
  now: number,
  expectedClientId?: string,
  limits?: AppContextLimits,
): Result<AppContext> {
  const bytes = decodeBase64(encoded);
  if (!bytes.ok) return bytes;
  const packed = unpackAppContext(bytes.data);
  if (!packed.ok) return packed;
  const plain = openSealed(packed.data, clientSecret);
  if (!plain.ok) return plain;
  return checkClaims(plain.data, now, expectedClientId, limits);
}

/** Builds a context the way Zoom does: the inverse of {@link decryptAppContext} (dev simulator, tests). */
export function sealAppContext(payload: Record<string, unknown>, clientSecret: string, opts: SealOptions = {}): string {
  const iv = Buffer.from(opts.iv ?? randomBytes(DEFAULT_IV_BYTES));
  const aad = typeof opts.aad === 'string' ? Buffer.from(opts.aad, 'utf8') : Buffer.from(opts.aad ?? []);
  const cipher = createCipheriv('aes-256-gcm', contextKey(clientSecret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const cipherText = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  const header = (n: number, size: 1 | 2 | 4): Buffer => {
    const b = Buffer.alloc(size);
    b.writeUIntLE(n, 0, size);
    return b;
  };
  const packed = Buffer.concat([
    header(iv.length, 1),
    iv,
    header(aad.length, 2),
    aad,
    header(cipherText.length, 4),
    cipherText,
    cipher.getAuthTag(),
  ]);
  return packed.toString(opts.encoding ?? 'base64');
}

/** The last secret's key: a SHA-256 per decrypt was a measurable share of a join storm's CPU (issue 15). */
let lastKey: { secret: string; key: Buffer } | undefined;

function contextKey(clientSecret: string): Buffer {
  if (lastKey?.secret !== clientSecret)
    lastKey = { secret: clientSecret, key: createHash('sha256').update(clientSecret, 'utf8').digest() };
  return lastKey.key;
}

// Which alphabet Zoom emits is unconfirmed, so both are accepted; anything else is rejected up front
// because Buffer.from(…, 'base64') would silently skip stray characters.
function decodeBase64(encoded: string): Result<Buffer> {
  if (encoded.length > MAX_APP_CONTEXT_CHARS) return malformed(`longer than ${MAX_APP_CONTEXT_CHARS} characters`);
  const text = encoded.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return malformed('not base64');
  return ok(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

function openSealed(packed: PackedAppContext, clientSecret: string): Result<string> {
  try {
    const decipher = createDecipheriv('aes-256-gcm', contextKey(clientSecret), packed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(packed.aad);
    decipher.setAuthTag(packed.tag);
    return ok(Buffer.concat([decipher.update(packed.cipherText), decipher.final()]).toString('utf8'));
  } catch {
    return fail(
      'UNAUTHENTICATED',
      'Zoom app context failed authentication: tampered, or sealed with another client secret',
    );
  }
}

function checkClaims(
  json: string,
  now: number,
  expectedClientId: string | undefined,
  limits: AppContextLimits | undefined,
): Result<AppContext> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return malformed('payload is not JSON');
  }
  const parsed = appContextSchema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.');
    return malformed(field ? `payload field ${field} is invalid` : 'payload is not an object');
  }
  const ctx = parsed.data;
  // Outside a meeting (the main client, where hosts prepare polls) Zoom sends no meeting id. A signed-in
  // user then gets a personal space of their own; a guest has nothing to identify them by.
  const mid = ctx.mid ?? (ctx.uid === undefined ? undefined : personalSpaceId(ctx.uid));
  if (mid === undefined)
    return fail('UNAUTHENTICATED', 'Zoom app context has no meeting id (mid): open Quorum inside a meeting');
  if (ctx.exp < now) return fail('UNAUTHENTICATED', 'Zoom app context has expired: reload the app');
  if (expectedClientId !== undefined && ctx.aud !== expectedClientId) {
    return fail('UNAUTHENTICATED', 'Zoom app context was issued for another app (claim aud is not ZOOM_CLIENT_ID)');
  }
  const lifetime = limits === undefined ? undefined : lifetimeProblem(ctx, now, limits.maxLifetimeMs);
  if (lifetime !== undefined) return fail('UNAUTHENTICATED', `Zoom app context refused: ${lifetime}: reload the app`);
  return ok({ ...ctx, mid });
}

// A context sealed with our secret but living for years (or minted ahead of time) would let whoever
// holds it replay it for as long: the lifetime bounds the replay window.
function lifetimeProblem(
  ctx: { exp: number; ts?: number | undefined },
  now: number,
  maxMs: number,
): string | undefined {
  const seconds = Math.round(maxMs / 1000);
  if (ctx.exp - now > maxMs + APP_CONTEXT_CLOCK_SKEW_MS) return `claim exp is more than ${seconds} s ahead`;
  if (ctx.ts === undefined) return undefined;
  if (ctx.ts - now > APP_CONTEXT_CLOCK_SKEW_MS) return 'claim ts is in the future';
  if (ctx.exp - ctx.ts > maxMs) return `claims exp and ts are more than ${seconds} s apart`;
  return undefined;
}

/** The meeting id standing for a signed-in user's own space outside any meeting. */
export const personalSpaceId = (uid: string): string => `personal:${uid}`;

/** Where a context was opened: the main meeting, and the breakout room when it was one. */
export interface MeetingPlace {
  /** The main meeting's UUID: polls, ballots and permissions belong to it, whichever room the user is in. */
  meetingId: string;
  /** The breakout room's UUID; absent in the main meeting room. */
  roomId?: string;
}

/**
 * Derives the meeting and breakout room from a decrypted context; the only place that reads Zoom's
 * room fields. Zoom's "Zoom Apps for Breakout Rooms" says an app started in a breakout room gets the
 * room's UUID in `mid` and the main meeting's in `pid`; the SDK typings instead document `bmid` (the
 * room's id as getBreakoutRoomList returns it) beside the main meeting's `mid`. Which one Zoom fills is
 * not confirmed, so both are read: pid present → main = pid, room = mid; else room = bmid, main = mid.
 */
export function meetingPlace(ctx: Pick<AppContext, 'mid' | 'pid' | 'bmid'>): MeetingPlace {
  const meetingId = ctx.pid ?? ctx.mid;
  const roomId = ctx.pid !== undefined ? ctx.mid : ctx.bmid;
  return roomId !== undefined && roomId !== '' && roomId !== meetingId ? { meetingId, roomId } : { meetingId };
}
