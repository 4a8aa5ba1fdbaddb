import {
  deliveriesResponseSchema,
  zoomAuthorizeResponseSchema,
  zoomMeetingViewSchema,
  zoomStatusSchema,
  type DeliveryView,
  type ZoomAuthorizedRequest,
  type ZoomAuthorizeResponse,
  type ZoomMeetingView,
  type ZoomStatus,
} from '@quorum/shared';
import { ApiError, apiCall, type Parser } from '../../session/api-call';
import type { SessionClient } from '../../session/session-client';

/** Quorum holds no usable Zoom tokens for this user (never authorized, revoked, expired): connect again. */
export const needsAuthorization = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/** Quorum's server side of the Zoom cloud, as the host view uses it. */
export interface ZoomCloudApi {
  status(): Promise<ZoomStatus>;
  /** A fresh PKCE challenge and single-use state for `zoomSdk.authorize`. */
  startAuthorize(): Promise<ZoomAuthorizeResponse>;
  /** Hands the code and redirect URI from `onAuthorized` to the server, which redeems them with the verifier it kept. */
  completeAuthorize(input: ZoomAuthorizedRequest): Promise<ZoomStatus>;
  /** The session's meeting as Zoom's REST API describes it (topic, host). */
  meeting(): Promise<ZoomMeetingView>;
  /** The report email and outgoing webhooks of this meeting (hosts only). */
  deliveries(): Promise<DeliveryView[]>;
}

/** Creates the client; requests carry the in-memory session token, as cookies may be blocked in Zoom's frame. */
export function createZoomCloudApi(
  session: SessionClient,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): ZoomCloudApi {
  const call = <T>(path: string, schema: Parser<T>, body?: object): Promise<T> =>
    apiCall(session, fetchFn, path, schema, body ? 'POST' : 'GET', body);

  return {
    status: () => call('/api/zoom/status', zoomStatusSchema),
    // A POST: the server stores the state it mints (no writes on GET).
    startAuthorize: () => call('/api/zoom/authorize', zoomAuthorizeResponseSchema, {}),
    completeAuthorize: (input) => call('/api/zoom/authorized', zoomStatusSchema, input),
    meeting: () => call('/api/zoom/meeting', zoomMeetingViewSchema),
    deliveries: async () => (await call('/api/deliveries', deliveriesResponseSchema)).deliveries,
  };
}
