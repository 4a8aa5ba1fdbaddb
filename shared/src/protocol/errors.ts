/** The closed list of error codes every ack, HTTP error and domain rule uses. */
export const ERROR_CODES = [
  'INVALID',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'POLL_CLOSED',
  'ALREADY_VOTED',
  'RATE_LIMITED',
  /** The meeting ended (Zoom's meeting.ended): its polls are final, no launch or ballot is taken. */
  'MEETING_ENDED',
  /** Audience Q&A is off in this meeting. */
  'QA_OFF',
  /** The host closed questions: the list is read-only (no asking, editing or upvoting). */
  'QA_CLOSED',
  /** This question no longer takes that change (answered, dismissed or archived). */
  'QUESTION_LOCKED',
  'INTERNAL',
  /** No answer could come: the client is offline or the server is restarting. Retrying once reconnected helps. */
  'UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string;
}

/** The outcome of a rule or a request: a value, or an error that says why not. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, field?: string): { ok: false; error: AppError } => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** HTTP status for each code, so the REST routes and the socket acks agree. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  POLL_CLOSED: 409,
  ALREADY_VOTED: 409,
  RATE_LIMITED: 429,
  MEETING_ENDED: 409,
  QA_OFF: 409,
  QA_CLOSED: 409,
  QUESTION_LOCKED: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};
