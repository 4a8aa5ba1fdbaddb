import type { z } from 'zod';
import {
  deeplinkSchema,
  pastParticipantsPageSchema,
  zoomErrorSchema,
  zoomMeetingSchema,
  zoomUserSchema,
  type PastParticipant,
  type ZoomMeeting,
  type ZoomUser,
} from './zoom-api-types';

/** A failed Zoom REST call: HTTP status, Zoom's own error code, and its tracking id for support. */
export class ZoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly zoomCode: number | undefined,
    message: string,
    readonly trackingId?: string,
  ) {
    super(message);
  }
}

/** Settings of {@link ZoomRestClient}; `fetch` and `sleep` are injectable for tests. */
export interface RestClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Longest wait honoured from Retry-After; a longer one fails the call instead of stalling it. */
  maxDelayMs?: number;
  timeoutMs?: number;
}

const FRIENDLY: Record<number, string> = {
  400: 'Zoom rejected the request',
  401: 'Zoom rejected the access token (expired or revoked)',
  403: 'Zoom refused: the app lacks a scope or the user may not see this',
  404: 'Zoom does not know this meeting or user',
  429: 'Zoom rate limit reached',
};

/**
 * The path segment for a meeting id or UUID. Zoom decodes the path once before routing, so a UUID
 * that starts with '/' or contains '//' must be encoded twice or it would be read as extra segments.
 */
export function meetingIdSegment(id: string): string {
  const once = encodeURIComponent(id);
  return id.startsWith('/') || id.includes('//') ? encodeURIComponent(once) : once;
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const retryable = (status: number) => status === 429 || status >= 500;

/** The Zoom REST calls Quorum makes, each typed, with retries on 429/5xx that honour Retry-After. */
export class ZoomRestClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: RestClientOptions) {
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** `GET /users/me`: who the token belongs to (id, email, names). */
  getMe(token: string): Promise<ZoomUser> {
    return this.request(zoomUserSchema, token, '/users/me');
  }

  /** `GET /meetings/{id}`: host and topic of a meeting, by numeric id or UUID. */
  getMeeting(token: string, meetingId: string): Promise<ZoomMeeting> {
    return this.request(zoomMeetingSchema, token, `/meetings/${meetingIdSegment(meetingId)}`);
  }

  /** Every participant of an ended meeting instance, following `next_page_token`. */
  async listPastParticipants(token: string, meetingUuid: string, maxPages = 20): Promise<PastParticipant[]> {
    const all: PastParticipant[] = [];
    let next = '';
    for (let page = 0; page < maxPages; page++) {
      const query = new URLSearchParams({ page_size: '300', ...(next ? { next_page_token: next } : {}) });
      const body = await this.request(
        pastParticipantsPageSchema,
        token,
        `/past_meetings/${meetingIdSegment(meetingUuid)}/participants?${query.toString()}`,
      );
      all.push(...body.participants);
      next = body.next_page_token ?? '';
      if (!next) break;
    }
    return all;
  }

  /** `POST /zoomapp/deeplink`: a link that opens the app in the Zoom client. */
  async createDeeplink(token: string, action: Record<string, unknown>): Promise<string> {
    const body = await this.request(deeplinkSchema, token, '/zoomapp/deeplink', {
      method: 'POST',
      body: JSON.stringify({ action: JSON.stringify(action) }),
    });
    return body.deeplink;
  }

  private async request<S extends z.ZodType>(
    schema: S,
    token: string,
    path: string,
    init: RequestInit = {},
  ): Promise<z.infer<S>> {
    const headers = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    };
    const res = await this.send(`${this.opts.baseUrl}${path}`, { ...init, headers });
    const trackingId = res.headers.get('x-zm-trackingid') ?? undefined;
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw apiError(res.status, body, trackingId);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ZoomApiError(502, undefined, `Zoom answered ${path.split('?')[0]} with an unexpected body`, trackingId);
    return parsed.data;
  }

  /** One call with up to `maxAttempts` tries; network errors, 429 and 5xx are retried with backoff. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    const attempts = this.opts.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      const backoff = (this.opts.baseDelayMs ?? 250) * 2 ** (attempt - 1);
      let res: Response;
      try {
        res = await this.fetch(url, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000) });
      } catch (error) {
        if (attempt >= attempts)
          throw new ZoomApiError(503, undefined, `Zoom is unreachable: ${(error as Error).message}`);
        await this.sleep(backoff);
        continue;
      }
      if (!retryable(res.status) || attempt >= attempts) return res;
      const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoff;
      if (wait > (this.opts.maxDelayMs ?? 30_000)) return res;
      await res.body?.cancel();
      await this.sleep(wait);
    }
  }
}

function apiError(status: number, body: unknown, trackingId: string | undefined): ZoomApiError {
  const parsed = zoomErrorSchema.safeParse(body ?? {});
  const zoom = parsed.success ? parsed.data : {};
  const friendly = FRIENDLY[status] ?? (status >= 500 ? 'Zoom is unavailable' : 'Zoom refused the request');
  const detail = zoom.message
    ? ` (Zoom ${status}${zoom.code === undefined ? '' : `/${zoom.code}`}: ${zoom.message})`
    : ` (HTTP ${status})`;
  return new ZoomApiError(status, zoom.code, friendly + detail, trackingId);
}
