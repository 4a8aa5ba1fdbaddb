import { randomBytes } from 'node:crypto';
import type { PkceMethod } from '../config';
import type { OAuthStateRecord, Store } from '../store/types';
import { codeChallenge, newCodeVerifier } from '../zoom/pkce';
import { openSecret, sealSecret } from '../zoom/token-crypto';

/** How long a started authorization may take before its state is refused. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** A started authorization: what the browser or the SDK gets (the verifier stays here). */
export interface StartedAuthorization {
  state: string;
  codeChallenge: string;
  method: PkceMethod;
}

/** Why a returning state is refused; each maps to a clear 400. */
export type StateRefusal = 'unknown or already used' | 'expired' | 'started by another session' | 'started by another flow';

/**
 * Server-side OAuth state: random, single-use, ten-minute life, bound to the session's voter id (or to
 * the install flow), holding the PKCE verifier sealed at rest.
 */
export class OAuthStates {
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly key: string,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
  }

  /** Creates a state and a verifier for `voterId` (null: the web install, which has no session). */
  async start(purpose: OAuthStateRecord['purpose'], voterId: string | null, method: PkceMethod): Promise<StartedAuthorization> {
    const state = randomBytes(32).toString('base64url');
    const verifier = newCodeVerifier();
    const at = this.now();
    // Opportunistic sweep: states nobody returned would otherwise pile up.
    await this.store.oauthStates.purgeExpired(at);
    await this.store.oauthStates.put({
      state,
      purpose,
      voterId,
      sealedVerifier: sealSecret(verifier, this.key, `oauth-state:${state}`),
      expiresAt: at + OAUTH_STATE_TTL_MS,
    });
    return { state, codeChallenge: codeChallenge(verifier, method), method };
  }

  /** Consumes a returning state; the verifier when it is this session's, unexpired and of this flow. */
  async finish(state: string, purpose: OAuthStateRecord['purpose'], voterId: string | null): Promise<{ ok: true; verifier: string } | { ok: false; reason: StateRefusal }> {
    const record = await this.store.oauthStates.take(state);
    if (!record) return { ok: false, reason: 'unknown or already used' };
    if (record.purpose !== purpose) return { ok: false, reason: 'started by another flow' };
    if (record.voterId !== voterId) return { ok: false, reason: 'started by another session' };
    if (record.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, verifier: openSecret(record.sealedVerifier, this.key, `oauth-state:${state}`) };
  }
}
