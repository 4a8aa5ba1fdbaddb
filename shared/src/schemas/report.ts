import { z } from 'zod';
import { pollSchema } from './poll';
import { pollTallySchema } from './tally';
import { qaSummarySchema } from '../qa/summary';

/**
 * Who could have voted. `webhook`: the distinct people Zoom's participant webhooks reported joining,
 * without the meeting's Zoom host. `seen`, when no webhook data exists: the distinct voters of every
 * run plus the non-host sessions that opened Quorum in this meeting. Never below the number of
 * distinct voters, so turnout cannot exceed 100 %.
 */
export const reportAttendanceSchema = z.strictObject({
  count: z.number().int().min(0),
  source: z.enum(['webhook', 'seen']),
});

/** Where the host downloads one run (relative URLs on Quorum's origin, session required). */
export const runDownloadsSchema = z.strictObject({ csv: z.string(), summaryCsv: z.string(), json: z.string() });

/** One run of a poll with its final (or current) full tally. */
export const reportRunSchema = z.strictObject({
  run: z.number().int().min(1),
  tally: pollTallySchema,
  downloads: runDownloadsSchema,
});

/** A poll of the meeting and all of its runs, oldest first (none for a draft). */
export const reportPollSchema = z.strictObject({ poll: pollSchema, runs: z.array(reportRunSchema) });

/** `GET /api/meetings/current/report`: every poll and run of the session's meeting, for its hosts. */
export const meetingReportViewSchema = z.strictObject({
  meetingId: z.string(),
  /** From the meeting webhooks, when Quorum received them. */
  topic: z.string().nullable(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  generatedAt: z.number(),
  attendance: reportAttendanceSchema,
  polls: z.array(reportPollSchema),
  /** The audience Q&A and where its full export is; null when nobody asked. */
  qa: z
    .strictObject({ summary: qaSummarySchema, downloads: z.strictObject({ csv: z.string(), json: z.string() }) })
    .nullable(),
});

export type ReportAttendance = z.infer<typeof reportAttendanceSchema>;
export type RunDownloads = z.infer<typeof runDownloadsSchema>;
export type MeetingReportRun = z.infer<typeof reportRunSchema>;
export type MeetingReportPoll = z.infer<typeof reportPollSchema>;
export type MeetingReportView = z.infer<typeof meetingReportViewSchema>;
