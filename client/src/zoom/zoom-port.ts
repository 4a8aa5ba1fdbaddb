import type { Role } from '@quorum/shared';

/** Where the app runs inside Zoom; 'inMainClient' is the desktop client outside a meeting. */
export type ZoomRunningContext = string;

/** The parts of `zoomSdk.config()` the app reads. */
export interface ZoomConfig {
  runningContext: ZoomRunningContext;
  /** APIs this Zoom client does not offer; their features are hidden with an explanation. */
  unsupportedApis: readonly string[];
  clientVersion: string;
}

/** One person in the meeting, as the host sees them through getMeetingParticipants. */
export interface ZoomParticipant {
  participantUUID: string;
  screenName: string;
  role: Role;
}

/** A breakout room as getBreakoutRoomList names it; `id` is the room's UUID. */
export interface ZoomBreakoutRoom {
  id: string;
  name: string;
}

/** What getUserContext says about me: display only, the server decides what I may do. */
export interface ZoomUserContext {
  participantUUID: string;
  screenName: string;
  role: Role;
  status: string;
}

export interface ZoomNotification {
  type: 'info' | 'warning' | 'error';
  title: string;
  message: string;
}

/** A JSON object, the only thing connect/postMessage can carry between a user's instances. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Unsubscribe = () => void;

/** What `onAuthorized` reports after `authorize`: the OAuth code to redeem, or `result: false` when declined. */
export interface ZoomAuthorizedEvent {
  code: string;
  result: boolean;
  /** The state passed to authorize, echoed back. */
  state?: string;
  redirectUri: string;
}

/**
 * Everything Quorum needs from Zoom. The SDK adapter implements it for real; tests and the composition
 * root can substitute fakes, so no other module depends on `@zoom/appssdk`.
 */
export interface ZoomPort {
  /**
   * Configures the SDK, retrying a slow or failing Zoom client (`onRetry` reports each further attempt);
   * rejects with NotInZoomError when nothing can host the page (a plain tab) and ZoomUnavailableError
   * when Zoom never answered. Afterwards the config is renewed on a timer and after URL changes.
   */
  config(onRetry?: (progress: { attempt: number; of: number }) => void): Promise<ZoomConfig>;
  /** Re-runs config now (the token is bound to the page URL); keeps the last good one on failure. */
  renewConfig(): Promise<ZoomConfig>;
  getUserContext(): Promise<ZoomUserContext>;
  /** The encrypted app context for `POST /api/session`. */
  getAppContext(): Promise<string>;
  getMeetingParticipants(): Promise<ZoomParticipant[]>;
  onParticipantChange(handler: () => void): Unsubscribe;
  /** Shows a Zoom notification; do-not-disturb refusals are swallowed. */
  showNotification(notification: ZoomNotification): Promise<void>;
  sendAppInvitationToAllParticipants(): Promise<void>;
  /** Invites the given participants, in as many calls of at most 10 as needed; `messageText` replaces Zoom's default invitation line. */
  sendAppInvitation(input: { participantUUIDs: readonly string[]; messageText?: string }): Promise<void>;
  /** Fires after the adapter has re-configured for the new context. */
  onRunningContextChange(handler: (config: ZoomConfig) => void): Unsubscribe;
  /** Fires after the adapter has re-configured for my new role or sign-in state. */
  onMyUserContextChange(handler: (change: { role: Role; screenName: string }, config: ZoomConfig) => void): Unsubscribe;
  onMeeting(handler: (event: { action: string }) => void): Unsubscribe;
  /**
   * I joined or left a breakout room. Zoom does not reload the app: the meeting context (and my
   * participantUUID) changed, so a fresh app context must be taken to the server.
   */
  onBreakoutRoomChange(handler: (event: { action: 'join' | 'leave'; roomId: string }) => void): Unsubscribe;
  /** The meeting's breakout rooms and their names (an empty list while rooms are not open). */
  getBreakoutRoomList(): Promise<ZoomBreakoutRoom[]>;
  connect(): Promise<void>;
  postMessage(payload: JsonObject): Promise<void>;
  /** Receives the object the other instance passed to postMessage. */
  onMessage(handler: (payload: JsonObject) => void): Unsubscribe;
  onConnect(handler: (event: { action: 'success' | 'failure' }) => void): Unsubscribe;
  /** Starts Zoom's in-client OAuth consent; the code arrives later through onAuthorized. */
  authorize(input: { codeChallenge: string; state: string }): Promise<void>;
  onAuthorized(handler: (event: ZoomAuthorizedEvent) => void): Unsubscribe;
  /** Asks a guest to sign in to Zoom (then to add the app); onMyUserContextChange follows. */
  promptAuthorize(): Promise<void>;
  /** Widens the app's panel for present mode ('expand') and gives the room back ('collapse'). */
  expandApp(action: 'expand' | 'collapse'): Promise<void>;
}

/** Thrown by `config()` when no Zoom client can host the page (a plain tab): render "Open Quorum from Zoom". */
export class NotInZoomError extends Error {
  override readonly name = 'NotInZoomError';
}

/** Thrown by `config()` when the Zoom client hosting the page did not answer after every attempt. */
export class ZoomUnavailableError extends Error {
  override readonly name = 'ZoomUnavailableError';
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** True when this Zoom client offers the API (config lists what it does not). */
export const supportsApi = (config: ZoomConfig, api: string): boolean => !config.unsupportedApis.includes(api);
