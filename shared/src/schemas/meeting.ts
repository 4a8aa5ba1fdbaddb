import { z } from 'zod';

/** Per-meeting settings the host controls (`meeting:settings`); stored by the server. */
export const meetingSettingsSchema = z.strictObject({
  /** Co-hosts may create, edit, launch, close and moderate polls; false = the host alone. */
  coHostsMayRun: z.boolean(),
});

export type MeetingSettings = z.infer<typeof meetingSettingsSchema>;

/** What a meeting starts with: co-hosts help run polls, as in Slido and Mentimeter. */
export const DEFAULT_MEETING_SETTINGS: MeetingSettings = { coHostsMayRun: true };
