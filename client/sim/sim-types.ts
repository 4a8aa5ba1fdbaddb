/** Roles as getUserContext spells them (the simulator's internal spelling). */
export type SdkRole = 'host' | 'coHost' | 'attendee' | 'panelist';

/** The two places a person can run the app: the meeting side panel, or the main client window. */
export type PaneCtx = 'inMeeting' | 'inMainClient';

/** How the meeting side runs the app: the side panel, collaborate mode, or Zoom's immersive / camera views. */
export type MeetingView = 'inMeeting' | 'inCollaborate' | 'inImmersive' | 'inCamera';

/** The running context Zoom reports to one instance (sdk.d.ts RunningContext, the ones Quorum can meet). */
export type SimRunningContext = MeetingView | 'inWebinar' | 'inMainClient';

/** getUserContext `status`; 'unauthenticated' people are guests (their app context has no uid). */
export type UserStatus = 'unauthenticated' | 'authenticated' | 'authorized';

/** `<personId>:<ctx>`: one running app instance. */
export type PaneKey = `${string}:${PaneCtx}`;

/** Someone in the simulated meeting. */
export interface Person {
  id: string;
  screenName: string;
  role: SdkRole;
  participantUUID: string;
  /** Deprecated numeric id the SDK still returns. */
  participantId: string;
  /** Zoom user id; sent in the app context only when status is not 'unauthenticated'. */
  userId: string;
  status: UserStatus;
  dnd: boolean;
  /** The breakout room this person is in (its UUID); absent in the main meeting room. */
  roomId?: string;
}

/** A breakout room of the simulated meeting, as getBreakoutRoomList names it. */
export interface BreakoutRoom {
  uuid: string;
  name: string;
}

/** A Zoom notification shown in one pane. */
export interface Toast {
  id: number;
  type: string;
  title: string;
  message: string;
}

/** An app invitation waiting in a person's in-meeting pane. */
export interface Invitation {
  invitationUUID: string;
  fromName: string;
  /** The sender's own line (sendAppInvitation's messageText), shown instead of Zoom's default. */
  messageText?: string;
}

/** One open app instance and what the bridge knows about it. */
/** A window size in CSS pixels, as config's `popoutSize` carries it. */
export interface PopoutSize {
  width: number;
  height: number;
}

export interface PaneState {
  key: PaneKey;
  personId: string;
  ctx: PaneCtx;
  /** Bumped to reload the frame. */
  generation: number;
  /** The `capabilities` passed to config; null until config has been called. */
  capabilities: string[] | null;
  /** connect() link between this person's meeting and main-client instances. */
  connected: boolean;
  expanded: boolean;
  /** The window size the app asked for in config (`popoutSize`); null until config or when it asked for none. */
  popoutSize: PopoutSize | null;
  /** Shown as Zoom's separate popout window instead of the side panel. */
  poppedOut: boolean;
  /** Invitation id the instance was opened from (sent as `iid` in its app context). */
  openedFrom?: string;
  toasts: Toast[];
}

/** One line of the debug log: a call with its outcome, or a pushed event. */
export interface LogEntry {
  seq: number;
  at: number;
  paneKey: string;
  kind: 'call' | 'event';
  api: string;
  args?: unknown;
  result?: unknown;
  error?: { code: string; message: string };
  note?: string;
}

/** The meeting itself. */
export interface MeetingInfo {
  uuid: string;
  meetingID: string;
  topic: string;
  ended: boolean;
  /** A meeting, or a webinar (host, panelists, and attendees who always run in guest mode). */
  kind: 'meeting' | 'webinar';
  /** How the app runs on the meeting side; a webinar's is always inWebinar. */
  view: MeetingView;
  /** Open breakout rooms; empty while rooms are closed (everyone in the main room). */
  rooms: BreakoutRoom[];
}

/** Everything the simulator page shows. */
export interface SimState {
  meeting: MeetingInfo;
  persons: Person[];
  panes: Partial<Record<PaneKey, PaneState>>;
  invitations: Record<string, Invitation[]>;
  /** APIs switched off in the settings panel (listed in unsupportedApis, calls fail). */
  disabledApis: string[];
  /** Reject calls and drop events not listed in config's capabilities, as Zoom does. */
  enforceCapabilities: boolean;
  /** How authorize asks the fake cloud to check the code's PKCE verifier; must match the server's ZOOM_PKCE_METHOD. */
  pkceMethod: 'plain' | 'S256';
  log: LogEntry[];
}
