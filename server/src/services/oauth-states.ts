import { randomBytes } from 'node:crypto';
import type { PkceMethod } from '../config';
import type { Store } from '../store/types';
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

/** Pending in-client authorizations kept at most, all sessions together (one per session already). */
export const DEFAULT_MAX_PENDING_STATES = 10_000;

/** Thrown by {@link OAuthStates.start} when the global cap is reached; the route answers 429. */
export class TooManyPendingStatesError extends Error {
  constructor() {
    super('too many Zoom authorizations are in progress: try again in a few minutes');
  }
}

/** Why a returning state is refused; each maps to a clear 400. */
export type StateRefusal =
  'unknown or already used' | 'expired' | 'started by another session' | 'started by another flow';

/**
 * Server-side state of the in-client flow: random, single-use, ten-minute life, bound to the session's
 * voter id, holding the PKCE verifier sealed at rest. Bounded: one pending state per session (a new
 * authorize replaces the old one) and at most `maxPending` in all. (The web install keeps its state in
 * a sealed cookie instead, see install-state-cookie.ts, so an anonymous request writes nothing.)
 */
export class OAuthStates {
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly key: string,
    private readonly opts: { now?: () => number; maxPending?: number } = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** Creates a state and a verifier for the session of `voterId`, replacing any it had pending. */
  async start(voterId: string, method: PkceMethod): Promise<StartedAuthorization> {
    const state = randomBytes(32).toString('base64url');
    const verifier = newCodeVerifier();
    const at = this.now();
    // Opportunistic sweep: states nobody returned would otherwise pile up.
    await this.store.oauthStates.purgeExpired(at);
    if ((await this.store.oauthStates.count()) >= (this.opts.maxPending ?? DEFAULT_MAX_PENDING_STATES))
      throw new TooManyPendingStatesError();
    await this.store.oauthStates.replace({
      state,
      purpose: 'in-client',
      voterId,
      sealedVerifier: sealSecret(verifier, this.key, `oauth-state:${state}`),
      expiresAt: at + OAUTH_STATE_TTL_MS,
    });
    return { state, codeChallenge: codeChallenge(verifier, method), method };
  }

  /** Consumes a returning state; the verifier when it is this session's, unexpired and of this flow. */
  async finish(
    state: string,
    voterId: string,
  ): Promise<{ ok: true; verifier: string } | { ok: false; reason: StateRefusal }> {
    const record = await this.store.oauthStates.take(state);
    if (!record) return { ok: false, reason: 'unknown or already used' };
    if (record.purpose !== 'in-client') return { ok: false, reason: 'started by another flow' };
    if (record.voterId !== voterId) return { ok: false, reason: 'started by another session' };
    if (record.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, verifier: openSecret(record.sealedVerifier, this.key, `oauth-state:${state}`) };
  }
}
