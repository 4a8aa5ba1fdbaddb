import { createHmac } from 'node:crypto';

// Domain separation: the same key seals tokens; a MAC for anything else never equals a pseudonym.
const LABEL = 'quorum.user-pseudonym.v1:';

/**
 * A stable, keyed pseudonym of a Zoom user id (HMAC-SHA-256 under the server's key, base64url): the
 * same user always maps to the same value, so what is kept after a deauthorization (their ballots,
 * the line that voids their sessions) stays one per person without naming them. Without the key it
 * cannot be turned back into the id.
 */
export function userPseudonym(uid: string, key: string): string {
  return createHmac('sha256', key)
    .update(LABEL + uid)
    .digest('base64url');
}

/** The voter id an erased user's ballots are kept under: a slot they held stays taken. */
export const erasedVoterId = (uid: string, key: string): string => `x:${userPseudonym(uid, key)}`;
