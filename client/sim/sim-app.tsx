import { PaneGrid } from './app-pane';
import { BreakoutPanel } from './breakout-panel';
import { CloudPanel } from './cloud-panel';
import { DebugLog } from './debug-log';
import { RosterPanel } from './roster-panel';
import { SettingsPanel } from './settings-panel';
import { useSim, useSimState } from './use-sim';

function MeetingBar() {
  const { meeting } = useSim();
  const { meeting: info } = useSimState();
  return (
    <header className="meeting-bar">
      <h1>{info.topic}</h1>
      <span>Meeting ID {info.meetingID}</span>
      <span>UUID <code data-testid="meeting-uuid">{info.uuid}</code></span>
      {info.ended ? (
        <button type="button" data-testid="new-meeting" onClick={meeting.newMeeting}>Start a new meeting</button>
      ) : (
        <button type="button" className="danger" data-testid="end-meeting" onClick={meeting.endMeeting}>End meeting</button>
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
