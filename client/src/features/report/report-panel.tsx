import { useMemo } from 'react';
import { useMeeting } from '../../app-context';
import { createReportApi } from './report-api';
import { ReportView } from './report-view';

/** The host's Report tab: the meeting report, loaded each time the tab opens (it reads every run of every poll). */
export function ReportPanel() {
  const { session } = useMeeting();
  const api = useMemo(() => createReportApi(session), [session]);
  return (
    <div className="panel-body" data-testid="report-panel">
      <ReportView api={api} />
    </div>
  );
}
