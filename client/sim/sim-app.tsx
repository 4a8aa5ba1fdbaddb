import { PaneGrid } from './app-pane';
import { BreakoutPanel } from './breakout-panel';
import { CloudPanel } from './cloud-panel';
import { DebugLog } from './debug-log';
import { RosterPanel } from './roster-panel';
import { SettingsPanel } from './settings-panel';
import type { MeetingView } from './sim-types';
import { useSim, useSimState } from './use-sim';

const VIEWS: ReadonlyArray<{ view: MeetingView; label: string }> = [
  { view: 'inMeeting', label: 'Side panel (inMeeting)' },
  { view: 'inCollaborate', label: 'Collaborate mode (inCollaborate)' },
  { view: 'inImmersive', label: 'Immersive view (inImmersive)' },
  { view: 'inCamera', label: 'Camera mode (inCamera)' },
];

/** What kind of meeting this is and how the meeting side runs the app: each is a running context to test. */
function MeetingKind() {
  const { meeting } = useSim();
  const { meeting: info } = useSimState();
  return (
    <>
      <select
        aria-label="Meeting or webinar"
        data-testid="meeting-kind"
        value={info.kind}
        onChange={(e) => meeting.setMeetingKind(e.target.value === 'webinar' ? 'webinar' : 'meeting')}
      >
        <option value="meeting">Meeting</option>
        <option value="webinar">Webinar (attendees are guests)</option>
      </select>
      {info.kind === 'meeting' && (
        <select
          aria-label="How the app runs in the meeting"
          data-testid="meeting-view"
          value={info.view}
          onChange={(e) => meeting.setMeetingView(e.target.value as MeetingView)}
        >
          {VIEWS.map(({ view, label }) => (
            <option key={view} value={view}>
              {label}
            </option>
          ))}
        </select>
      )}
    </>
  );
}

function MeetingBar() {
  const { meeting } = useSim();
  const { meeting: info } = useSimState();
  return (
    <header className="meeting-bar">
      <h1>{info.topic}</h1>
      <span>Meeting ID {info.meetingID}</span>
      <span>
        UUID <code data-testid="meeting-uuid">{info.uuid}</code>
      </span>
      <MeetingKind />
      {info.ended ? (
        <button type="button" data-testid="new-meeting" onClick={meeting.newMeeting}>
          Start a new meeting
        </button>
      ) : (
        <button type="button" className="danger" data-testid="end-meeting" onClick={meeting.endMeeting}>
          End meeting
        </button>
      )}
    </header>
  );
}

/** The simulator page: meeting bar, roster, app panes, settings and the bridge log. */
export function SimApp() {
  const { meeting } = useSimState();
  return (
    <main className="sim" data-testid="sim-meeting" data-meeting-uuid={meeting.uuid} data-ended={meeting.ended}>
      <MeetingBar />
      <div className="sim-layout">
        <aside>
          <RosterPanel />
          <BreakoutPanel />
          <SettingsPanel />
          <CloudPanel />
        </aside>
        <PaneGrid />
      </div>
      <DebugLog />
    </main>
  );
}
