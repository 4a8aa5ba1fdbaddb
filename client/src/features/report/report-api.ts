import { meetingReportViewSchema, type MeetingReportView } from '@quorum/shared';
import { apiCall } from '../../session/api-call';
import { downloadWithSession } from '../../session/download';
import type { SessionClient } from '../../session/session-client';

/** Where the server serves the session's meeting report. */
export const REPORT_PATH = '/api/meetings/current/report';

/** The host's post-meeting report and its downloads, with the session's token. */
export interface ReportApi {
  load(): Promise<MeetingReportView>;
  download(path: string, fileName: string): Promise<void>;
}

export function createReportApi(session: SessionClient, fetchFn: typeof fetch = (...a) => fetch(...a)): ReportApi {
  return {
    load: () => apiCall(session, fetchFn, REPORT_PATH, meetingReportViewSchema),
    download: (path, fileName) => downloadWithSession(session, path, fileName, fetchFn),
  };
}
