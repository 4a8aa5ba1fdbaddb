import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { codeChallenge, newCodeVerifier } from '../zoom/pkce';
import { openSecret, sealSecret, TokenCryptoError } from '../zoom/token-crypto';
import type { StartedAuthorization, StateRefusal } from './oauth-states';

/** How long a web install may take between `/api/zoom/install` and Zoom's callback. */
export const INSTALL_STATE_TTL_MS = 10 * 60_000;

// Bound into the AES-GCM tag: a sealed value made for anything else (a stored token) never opens here.
const OWNER = 'install-state';

const sealedSchema = z.strictObject({ state: z.string().min(1), verifier: z.string().min(1), expiresAt: z.number() });

/**
 * The web install's OAuth state and PKCE verifier, kept in the browser as one sealed (AES-256-GCM,
 * tamper-evident) cookie value rather than in the database: `GET /api/zoom/install` is anonymous, and
 * a row per call let anyone grow the table without bound. The state still binds the callback to the
 * browser that started it (login-CSRF), and the verifier never leaves the seal.
 */
export class InstallStateCookie {
  private readonly now: () => number;

  constructor(
    private readonly key: string,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
  }

  /** A fresh S256 authorization and the cookie value that remembers it. */
  start(): { started: StartedAuthorization; cookie: string } {
    const state = randomBytes(32).toString('base64url');
    const verifier = newCodeVerifier();
    const cookie = sealSecret(
      JSON.stringify({ state, verifier, expiresAt: this.now() + INSTALL_STATE_TTL_MS }),
      this.key,
      OWNER,
    );
    return { started: { state, codeChallenge: codeChallenge(verifier, 'S256'), method: 'S256' }, cookie };
  }

  /** The verifier when `cookie` is ours, unexpired and was sealed for `state`. */
  finish(
    cookie: string | undefined,
    state: string,
  ): { ok: true; verifier: string } | { ok: false; reason: StateRefusal | 'started in another browser' } {
    if (!cookie) return { ok: false, reason: 'started in another browser' };
    let sealed: z.infer<typeof sealedSchema>;
    try {
      const parsed = sealedSchema.safeParse(JSON.parse(openSecret(cookie, this.key, OWNER)));
      if (!parsed.success) return { ok: false, reason: 'started in another browser' };
      sealed = parsed.data;
    } catch (error) {
      if (error instanceof TokenCryptoError || error instanceof SyntaxError)
        return { ok: false, reason: 'started in another browser' };
      throw error;
    }
    if (sealed.state !== state) return { ok: false, reason: 'started in another browser' };
    if (sealed.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, verifier: sealed.verifier };
  }
}
