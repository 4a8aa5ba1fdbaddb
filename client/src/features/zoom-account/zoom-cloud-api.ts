import {
  deliveriesResponseSchema,
  zoomAuthorizeResponseSchema,
  zoomMeetingViewSchema,
  zoomStatusSchema,
  type AppError,
  type DeliveryView,
  type ZoomAuthorizedRequest,
  type ZoomAuthorizeResponse,
  type ZoomMeetingView,
  type ZoomStatus,
} from '@quorum/shared';
import { authHeaders, type SessionClient } from '../../session/session-client';

/** A failed call to Quorum's Zoom routes, with the HTTP status (0 when the server was not reached). */
export class ZoomCloudError extends Error {
  override readonly name = 'ZoomCloudError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: AppError['code'] | 'NETWORK',
  ) {
    super(message);
  }

  /** Quorum holds no usable Zoom tokens for this user (never authorized, revoked, expired): connect again. */
  get needsAuthorization(): boolean {
    return this.status === 401;
  }
}

/** Quorum's server side of the Zoom cloud, as the host view uses it. */
export interface ZoomCloudApi {
  status(): Promise<ZoomStatus>;
  /** A fresh PKCE challenge and single-use state for `zoomSdk.authorize`. */
  startAuthorize(): Promise<ZoomAuthorizeResponse>;
  /** Hands the code from `onAuthorized` to the server, which redeems it with the verifier it kept. */
  completeAuthorize(input: ZoomAuthorizedRequest): Promise<ZoomStatus>;
  /** The session's meeting as Zoom's REST API describes it (topic, host). */
  meeting(): Promise<ZoomMeetingView>;
  /** The report email and outgoing webhooks of this meeting (hosts only). */
  deliveries(): Promise<DeliveryView[]>;
}

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Creates the client; requests carry the in-memory session token, as cookies may be blocked in Zoom's frame. */
export function createZoomCloudApi(session: SessionClient, fetchFn: typeof fetch = (...a) => fetch(...a)): ZoomCloudApi {
  const call = async <T>(path: string, schema: Parser<T>, body?: object): Promise<T> => {
    const headers = { ...authHeaders(session), ...(body ? { 'content-type': 'application/json' } : {}) };
    let response: Response;
    try {
      response = await fetchFn(path, { method: body ? 'POST' : 'GET', credentials: 'include', headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ZoomCloudError('Quorum’s server could not be reached.', 0, 'NETWORK');
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (json as { error?: Partial<AppError> } | null)?.error;
      throw new ZoomCloudError(error?.message ?? `The server answered HTTP ${response.status}.`, response.status, error?.code ?? 'INTERNAL');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ZoomCloudError('Quorum’s server sent an answer this version does not understand.', response.status, 'INTERNAL');
    return parsed.data;
  };

  return {
    status: () => call('/api/zoom/status', zoomStatusSchema),
    startAuthorize: () => call('/api/zoom/authorize', zoomAuthorizeResponseSchema),
    completeAuthorize: (input) => call('/api/zoom/authorized', zoomStatusSchema, input),
    meeting: () => call('/api/zoom/meeting', zoomMeetingViewSchema),
    deliveries: async () => (await call('/api/deliveries', deliveriesResponseSchema)).deliveries,
  };
}
