import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a sealed value was tampered with, bound to another owner, or sealed with another key. */
export class TokenCryptoError extends Error {}

function keyFrom(hex: string): Buffer {
  const key = Buffer.from(hex, 'hex');
  if (key.length !== 32) throw new TokenCryptoError('token encryption key must be 32 bytes (64 hex characters)');
  return key;
}

/**
 * Encrypts `plain` with AES-256-GCM and a fresh 12-byte IV per call, as
 * `v1.<iv>.<ciphertext>.<tag>` (base64url). `owner` is authenticated as AAD, so a sealed value copied
 * onto another user's row no longer opens. `iv` is injectable for known-answer tests only.
 */
export function sealSecret(
  plain: string,
  keyHex: string,
  owner: string,
  iv: Uint8Array = randomBytes(IV_BYTES),
): string {
  const cipher = createCipheriv('aes-256-gcm', keyFrom(keyHex), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(owner, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, Buffer.from(iv), body, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Decrypts a value made by {@link sealSecret} for the same owner; throws {@link TokenCryptoError} otherwise. */
export function openSecret(sealed: string, keyHex: string, owner: string): string {
  const [format, iv, body, tag, ...rest] = sealed.split('.');
  if (format !== FORMAT || iv === undefined || body === undefined || tag === undefined || rest.length > 0) {
    throw new TokenCryptoError('not a sealed token');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(keyHex), Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    if (error instanceof TokenCryptoError) throw error;
    throw new TokenCryptoError('sealed token failed authentication');
  }
}
