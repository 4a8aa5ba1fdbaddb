import { z } from 'zod';
import type { PkceMethod } from '../config';

/** Tokens from Zoom's token endpoint; `expiresAt` is epoch ms on our clock. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  scope: string;
}

/** A refusal from the token endpoint: `error` is the OAuth code (`invalid_grant`, `invalid_client`…). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    reason: string,
  ) {
    super(`Zoom OAuth ${status} ${error}: ${reason}`);
  }

  /** The grant (code or refresh token) is dead: only a new authorization helps. */
  get needsReauthorization(): boolean {
    return this.error === 'invalid_grant' || this.error === 'invalid_token';
  }
}

/** Settings of {@link ZoomOAuthClient}; `fetch` and `now` are injectable for tests. */
export interface OAuthClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  scope: z.string().default(''),
});

const errorResponseSchema = z.object({ error: z.string().default('server_error'), reason: z.string().optional() });

/** Zoom's user-level OAuth endpoints (`/oauth/authorize`, `/oauth/token`), with PKCE. */
export class ZoomOAuthClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly opts: OAuthClientOptions) {
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.now = opts.now ?? Date.now;
  }

  /** The browser URL that asks the user to approve the app (web install flow). */
  authorizeUrl(p: { redirectUri: string; codeChallenge: string; method: PkceMethod; state: string }): string {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.opts.clientId,
      redirect_uri: p.redirectUri,
      code_challenge: p.codeChallenge,
      code_challenge_method: p.method,
      state: p.state,
    });
    return `${this.opts.baseUrl}/oauth/authorize?${query.toString()}`;
  }

  /** Redeems an authorization code; `redirectUri` must equal the one the code was issued for. */
  exchangeCode(p: { code: string; redirectUri: string; codeVerifier: string }): Promise<TokenSet> {
    return this.tokenRequest({
      grant_type: 'authorization_code',
      code: p.code,
      redirect_uri: p.redirectUri,
      code_verifier: p.codeVerifier,
    });
  }

  /** Trades a refresh token for a new pair; Zoom rotates, so the old refresh token is dead afterwards. */
  refresh(refreshToken: string): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /**
   * Tells Zoom that a deauthorized user's data is deleted (the Data Compliance API,
   * `POST /oauth/data/compliance`, Basic auth). Only when ZOOM_DATA_COMPLIANCE_CALL asks for it: see
   * Config.zoomDataComplianceCall for what Zoom's docs say today.
   */
  async reportDataCompliance(
    event: { user_id: string; account_id?: string | undefined } & Record<string, unknown>,
  ): Promise<void> {
    const basic = Buffer.from(`${this.opts.clientId}:${this.opts.clientSecret}`, 'utf8').toString('base64');
    const res = await this.fetch(`${this.opts.baseUrl}/oauth/data/compliance`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: this.opts.clientId,
        user_id: event.user_id,
        account_id: event.account_id ?? '',
        deauthorization_event_received: event,
        compliance_completed: true,
      }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    await res.body?.cancel();
    if (!res.ok)
      throw new OAuthError(res.status, 'compliance_failed', `Data Compliance API answered HTTP ${res.status}`);
  }

  private async tokenRequest(form: Record<string, string>): Promise<TokenSet> {
    const basic = Buffer.from(`${this.opts.clientId}:${this.opts.clientSecret}`, 'utf8').toString('base64');
    const requestedAt = this.now();
    const res = await this.fetch(`${this.opts.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
    });
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = errorResponseSchema.safeParse(body ?? {});
      const parsed = err.success ? err.data : { error: 'server_error', reason: undefined };
      throw new OAuthError(res.status, parsed.error, parsed.reason ?? res.statusText);
    }
    const tokens = tokenResponseSchema.safeParse(body);
    if (!tokens.success) throw new OAuthError(res.status, 'invalid_response', 'token response is missing fields');
    // Measured from when we asked, so network time only ever makes us refresh early.
    return {
      accessToken: tokens.data.access_token,
      refreshToken: tokens.data.refresh_token,
      expiresAt: requestedAt + tokens.data.expires_in * 1000,
      scope: tokens.data.scope,
    };
  }
}
