/**
 * Which part of Quorum a Zoom running context gets. Zoom's `RunningContext` (sdk.d.ts) names where an
 * app instance runs; Quorum serves the ones a poll can live in and explains itself everywhere else.
 * - `meeting`: the panel in a meeting, a webinar (attendees join as guests) or collaborate mode;
 * - `library`: the main client outside a meeting (drafts and the poll library);
 * - `stage`: an instance Zoom renders for everyone (immersive view, the camera/Layers context): the
 *   current poll's results large, no controls, nothing to click;
 * - `unsupported`: chat, phone, mail and the rest.
 */
export type AppSurface = 'meeting' | 'library' | 'stage' | 'unsupported';

const SURFACES: Readonly<Record<string, AppSurface>> = {
  inMeeting: 'meeting',
  inWebinar: 'meeting',
  inCollaborate: 'meeting',
  inMainClient: 'library',
  inImmersive: 'stage',
  inCamera: 'stage',
};

/** The surface for a running context; unknown or future contexts are `unsupported`, never guessed. */
export const surfaceFor = (runningContext: string): AppSurface => SURFACES[runningContext] ?? 'unsupported';
