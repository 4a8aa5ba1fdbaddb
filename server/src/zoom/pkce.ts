import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PkceMethod } from '../config';

/**
 * A fresh PKCE code verifier: 64 bytes as 128 hex characters, the RFC 7636 maximum length and within
 * its unreserved alphabet (Zoom's sample makes the same shape).
 */
export function newCodeVerifier(): string {
  return randomBytes(64).toString('hex');
}

/** The code challenge for a verifier: the verifier itself (plain) or base64url(SHA-256(verifier)) (S256). */
export function codeChallenge(verifier: string, method: PkceMethod): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether a verifier matches the challenge registered with the code (constant time). */
export function verifierMatches(verifier: string, challenge: string, method: PkceMethod): boolean {
  const a = Buffer.from(codeChallenge(verifier, method), 'utf8');
  const b = Buffer.from(challenge, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
