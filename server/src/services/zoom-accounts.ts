import type { Store, ZoomUserRecord } from '../store/types';
import { OAuthError, type TokenSet, type ZoomOAuthClient } from '../zoom/oauth-client';
import { ZoomApiError, type ZoomRestClient } from '../zoom/rest-client';
import { openSecret, sealSecret, TokenCryptoError } from '../zoom/token-crypto';
import type { ZoomUser } from '../zoom/zoom-api-types';

/** The user must run Zoom authorization (again): no tokens, or Zoom refused the refresh token. */
export class NeedsAuthorizationError extends Error {}

/** The Zoom user behind a code is not the one the session belongs to. */
export class WrongZoomUserError extends Error {}

/** What {@link ZoomAccounts} needs; `refreshSkewMs` is how long before expiry a token is renewed. */
export interface ZoomAccountsDeps {
  store: Store;
  oauth: ZoomOAuthClient;
  rest: ZoomRestClient;
  tokenKey: string;
  now?: () => number;
  refreshSkewMs?: number;
}

interface StoredPair {
  accessToken: string;
  refreshToken: string;
}

// The AAD binds a sealed pair to its user id: a row copied onto another user does not decrypt.
const owner = (uid: string) => `zoom-tokens:${uid}`;

/**
 * Per-user Zoom tokens: sealed at rest, renewed shortly before expiry with rotation, one refresh at a
 * time per user (a rotated refresh token works once, so two parallel refreshes would log the user out).
 */
export class ZoomAccounts {
  private readonly refreshing = new Map<string, Promise<string>>();
  private readonly now: () => number;
  private readonly skew: number;

  constructor(private readonly deps: ZoomAccountsDeps) {
    this.now = deps.now ?? Date.now;
    this.skew = deps.refreshSkewMs ?? 60_000;
  }

  /** Stores fresh tokens under the Zoom user they belong to; `expectedUid` guards the in-client flow. */
  async link(tokens: TokenSet, expectedUid?: string): Promise<ZoomUser> {
    const me = await this.deps.rest.getMe(tokens.accessToken);
    if (expectedUid !== undefined && me.id !== expectedUid) {
      throw new WrongZoomUserError('Zoom authorized a different user than the one in this meeting');
    }
    const display = me.display_name ?? ([me.first_name, me.last_name].filter(Boolean).join(' ') || null);
    await this.deps.store.zoomUsers.upsert({
      uid: me.id,
      email: me.email ?? null,
      displayName: display,
      accountId: me.account_id ?? null,
      sealedTokens: this.seal(me.id, tokens),
      expiresAt: tokens.expiresAt,
      scope: tokens.scope,
      updatedAt: this.now(),
    });
    return me;
  }

  /** Whether the user has usable tokens stored. */
  async isAuthorized(uid: string): Promise<boolean> {
    return (await this.deps.store.zoomUsers.get(uid))?.sealedTokens != null;
  }

  /** The stored profile (email for the report), if the user ever authorized. */
  profile(uid: string): Promise<ZoomUserRecord | undefined> {
    return this.deps.store.zoomUsers.get(uid);
  }

  /**
   * Runs a REST call with the user's access token, renewing it first when it is due and once more if
   * Zoom says it is no longer valid. Throws {@link NeedsAuthorizationError} when only the user can fix it.
   */
  async withToken<T>(uid: string, call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken(uid);
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof ZoomApiError) || error.status !== 401) throw error;
      return call(await this.renew(uid, token));
    }
  }

  private async accessToken(uid: string): Promise<string> {
    const { record, pair } = await this.load(uid);
    if (record.expiresAt - this.skew > this.now()) return pair.accessToken;
    return this.renew(uid, pair.accessToken);
  }

  /** Single-flight refresh: callers that saw the same stale token share one refresh. */
  private renew(uid: string, staleAccessToken: string): Promise<string> {
    const running = this.refreshing.get(uid);
    if (running) return running;
    const task = this.refreshNow(uid, staleAccessToken).finally(() => this.refreshing.delete(uid));
    this.refreshing.set(uid, task);
    return task;
  }

  private async refreshNow(uid: string, staleAccessToken: string): Promise<string> {
    const { pair } = await this.load(uid);
    // Another caller already rotated while we waited: use its result.
    if (pair.accessToken !== staleAccessToken) return pair.accessToken;
    let fresh: TokenSet;
    try {
      fresh = await this.deps.oauth.refresh(pair.refreshToken);
    } catch (error) {
      if (error instanceof OAuthError && (error.needsReauthorization || error.status === 401)) {
        await this.deps.store.zoomUsers.setTokens(uid, null, 0, this.now());
        throw new NeedsAuthorizationError('authorize Quorum again');
      }
      throw error;
    }
    await this.deps.store.zoomUsers.setTokens(uid, this.seal(uid, fresh), fresh.expiresAt, this.now());
    return fresh.accessToken;
  }

  private async load(uid: string): Promise<{ record: ZoomUserRecord; pair: StoredPair }> {
    const record = await this.deps.store.zoomUsers.get(uid);
    if (!record?.sealedTokens) throw new NeedsAuthorizationError('authorize Quorum to use your Zoom account');
    try {
      return {
        record,
        pair: JSON.parse(openSecret(record.sealedTokens, this.deps.tokenKey, owner(uid))) as StoredPair,
      };
    } catch (error) {
      if (!(error instanceof TokenCryptoError)) throw error;
      // Sealed under another key (TOKEN_ENCRYPTION_KEY rotated, or a dev restart): unusable, so ask again.
      await this.deps.store.zoomUsers.setTokens(uid, null, 0, this.now());
      throw new NeedsAuthorizationError('authorize Quorum again');
    }
  }

  private seal(uid: string, tokens: TokenSet): string {
    const pair: StoredPair = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    return sealSecret(JSON.stringify(pair), this.deps.tokenKey, owner(uid));
  }
}
