import { useMemo, useState } from 'react';
import { useMeeting } from '../../app-context';
import { useT } from '../../i18n';
import { createReportApi } from './report-api';
import { ReportView } from './report-view';

/** In the host view: the meeting report, loaded when opened (it reads every run of every poll). */
export function ReportPanel() {
  const { session } = useMeeting();
  const api = useMemo(() => createReportApi(session), [session]);
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <details className="panel" data-testid="report-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('report.title')}</summary>
      {open && <ReportView api={api} />}
    </details>
  );
}
