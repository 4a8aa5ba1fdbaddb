/**
 * What the Zoom Marketplace must be told about Quorum, in one place: the server's routes Zoom calls, the
 * OAuth scopes, and the webhook events the server handles. The client's APIs and events are
 * ZOOM_CAPABILITIES (client/src/zoom/capabilities.ts). `npm run manifest` turns them into Zoom's app
 * manifest (developers.zoom.us/docs/build-flow/manifests), and the README's deploy guide lists them;
 * tests keep all three in step with the code.
 */

/** Paths on the app's own origin that Zoom loads or calls. */
export const ZOOM_ROUTES = {
  /** Zoom's Home URL: the page the client frames, where in-client `authorize` codes are bound. */
  home: '/',
  /** The Marketplace "Add" button starts the web install here. */
  install: '/api/zoom/install',
  /** The OAuth redirect of the web install. */
  installCallback: '/api/zoom/install/callback',
  /** Event subscriptions' endpoint. */
  webhooks: '/api/zoom/webhooks',
} as const;

/** Least-privilege OAuth scopes, each with the call that needs it. */
export const ZOOM_SCOPES: ReadonlyArray<{ scope: string; why: string; optional?: true }> = [
  { scope: 'zoomapp:inmeeting', why: 'run inside meetings (and POST /zoomapp/deeplink after a web install)' },
  { scope: 'zoomapp:inwebinar', why: 'run inside webinars', optional: true },
  { scope: 'user:read:user', why: 'GET /users/me: who authorized, and the host’s address for the report email' },
  { scope: 'meeting:read:meeting', why: 'GET /meetings/{id}: the meeting’s topic and host for the host view' },
  {
    scope: 'meeting:read:list_past_participants',
    why: 'GET /past_meetings/{uuid}/participants: attendance in the report',
  },
];

/** The webhook events the server acts on (server/src/services/meeting-events.ts). */
export const ZOOM_WEBHOOK_EVENTS = [
  'meeting.started',
  'meeting.ended',
  'meeting.participant_joined',
  'meeting.participant_left',
  'app_deauthorized',
] as const;
export type ZoomWebhookEvent = (typeof ZOOM_WEBHOOK_EVENTS)[number];
