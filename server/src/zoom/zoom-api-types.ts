import { z } from 'zod';

// Response shapes of the Zoom REST calls Quorum makes (fields per Zoom's API reference and the
// @zoom/rivet typings). Loose objects: Zoom adds fields, and we read only these.

/** `GET /users/me`. */
export const zoomUserSchema = z.looseObject({
  id: z.string().min(1),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  display_name: z.string().optional(),
  account_id: z.string().optional(),
});

/** `GET /meetings/{meetingId}`; `id` is a number there but a string in webhooks, so it is normalised. */
export const zoomMeetingSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).transform(String),
  uuid: z.string().optional(),
  host_id: z.string(),
  topic: z.string().default(''),
  start_time: z.string().optional(),
});

/** One row of `GET /past_meetings/{id}/participants`. */
export const pastParticipantSchema = z.looseObject({
  id: z.string().optional(),
  user_id: z.string().optional(),
  name: z.string().optional(),
  user_email: z.string().optional(),
  join_time: z.string().optional(),
  leave_time: z.string().optional(),
});

export const pastParticipantsPageSchema = z.looseObject({
  participants: z.array(pastParticipantSchema).default([]),
  next_page_token: z.string().optional(),
});

/** `POST /zoomapp/deeplink`. */
export const deeplinkSchema = z.looseObject({ deeplink: z.string().min(1) });

/** Zoom's error body. */
export const zoomErrorSchema = z.looseObject({ code: z.number().optional(), message: z.string().optional() });

export type ZoomUser = z.infer<typeof zoomUserSchema>;
export type ZoomMeeting = z.infer<typeof zoomMeetingSchema>;
export type PastParticipant = z.infer<typeof pastParticipantSchema>;
