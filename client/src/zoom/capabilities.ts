/**
 * Exactly the Zoom APIs and events Quorum uses, passed to `zoomSdk.config`. Kept apart from the adapter
 * so the simulator can read the list without loading the SDK. (ZoomPort.getMeetingUUID exists for the
 * port's completeness but no feature calls it yet; add 'getMeetingUUID' here when one does.)
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
 */
export const ZOOM_POPOUT_SIZE = { width: 960, height: 640 } as const;

/** How long to wait for a Zoom host before showing "Open Quorum from Zoom". */
export const CONFIG_TIMEOUT_MS = 3000;
