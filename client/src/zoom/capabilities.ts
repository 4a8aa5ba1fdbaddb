/**
 * Exactly the Zoom APIs and events Quorum uses, passed to `zoomSdk.config`. Kept apart from the adapter
 * so the simulator can read the list without loading the SDK. zoom-usage.test.ts fails when the adapter
 * calls or listens to anything missing here, or when something here is unused.
 */
export const ZOOM_CAPABILITIES = [
  'getUserContext',
  'getAppContext',
  'getMeetingParticipants',
  'onParticipantChange',
  'showNotification',
  'sendAppInvitationToAllParticipants',
  'sendAppInvitation',
  'onRunningContextChange',
  'onMyUserContextChange',
  'onMeeting',
  'onBreakoutRoomChange',
  'getBreakoutRoomList',
  'connect',
  'postMessage',
  'onMessage',
  'onConnect',
  'authorize',
  'onAuthorized',
  'promptAuthorize',
  'expandApp',
] as const;

export type ZoomCapability = (typeof ZOOM_CAPABILITIES)[number];

/** The SDK version Quorum targets; without it the native side assumes 0.14. */
export const ZOOM_SDK_VERSION = '0.16';

/**
 * The window Zoom opens when the user pops the app out of the side panel: wide enough for the two-column
 * layout (ballot beside results from 600 px) and for Present mode to read from across a shared screen.
 * The adapter keeps it inside Zoom's per-platform limits (popout-size.ts) before asking.
 */
export const ZOOM_POPOUT_SIZE = { width: 960, height: 640 } as const;

/**
 * The oldest desktop client that offers every API in ZOOM_CAPABILITIES (the highest
 * `@zoomDesktopClientVersion` among them in sdk.d.ts: getAppContext's 5.11.3). Told to people whose
 * client does not answer.
 */
export const MIN_ZOOM_CLIENT_VERSION = '5.11.3';
