import { z } from 'zod';

// Webhook payload shapes Quorum reads (Zoom's event reference and the @zoom/rivet typings). Loose
// objects throughout: Zoom adds fields, and an unknown field must never reject a delivery.

/** Every webhook body: `event_ts` is epoch ms. */
export const webhookEnvelopeSchema = z.looseObject({
  event: z.string().min(1).max(100),
  event_ts: z.number().optional(),
  payload: z.looseObject({}).default({}),
});

/** `endpoint.url_validation`. */
export const urlValidationPayloadSchema = z.looseObject({ plainToken: z.string().min(1).max(512) });

export const webhookParticipantSchema = z.looseObject({
  user_id: z.string().optional(),
  user_name: z.string().optional(),
  id: z.string().optional(),
  participant_uuid: z.string().optional(),
  participant_user_id: z.string().optional(),
  email: z.string().optional(),
  join_time: z.string().optional(),
  leave_time: z.string().optional(),
});

/** `payload.object` of the meeting.* events; `id` is normalised to a string. */
export const webhookMeetingSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  uuid: z.string().min(1),
  host_id: z.string().optional(),
  topic: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  participant: webhookParticipantSchema.optional(),
});

export const meetingEventPayloadSchema = z.looseObject({
  account_id: z.string().optional(),
  object: webhookMeetingSchema,
});

/** `app_deauthorized`: the user who removed the app. */
export const deauthorizedPayloadSchema = z.looseObject({
  user_id: z.string().min(1),
  account_id: z.string().optional(),
  deauthorization_time: z.string().optional(),
});

/** Fields of a payload that are credentials and never stored (the legacy deauthorization signature). */
export const SECRET_PAYLOAD_FIELDS = ['signature', 'plainToken'] as const;

export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
export type DeauthorizedPayload = z.infer<typeof deauthorizedPayloadSchema>;
export type WebhookMeeting = z.infer<typeof webhookMeetingSchema>;
export type WebhookParticipant = z.infer<typeof webhookParticipantSchema>;

/** The payload without credential fields, for the inbox and the audit trail. */
export function withoutSecrets(payload: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...payload };
  for (const field of SECRET_PAYLOAD_FIELDS) delete copy[field];
  return copy;
}

/** A stable key for one participant in one meeting: Zoom's participant uuid, else user ids, else the name. */
export function participantKey(p: WebhookParticipant): string {
  return p.participant_uuid ?? p.participant_user_id ?? p.id ?? p.user_id ?? `name:${p.user_name ?? 'unknown'}`;
}
