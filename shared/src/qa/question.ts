import { maskProfanity } from '../domain/text/profanity';
import { fail, ok, type Result } from '../protocol/errors';
import { QA_LIMITS, type QaSettings, type QaStatus } from '../schemas/qa';

/** One audience question as the server stores it (the asker is never sent to participants). */
export interface QaQuestion {
  id: string;
  meetingId: string;
  text: string;
  /** The asker's voter id: kept for anonymous questions too, so limits and "mine" still hold. */
  askerId: string;
  anonymous: boolean;
  status: QaStatus;
  pinned: boolean;
  reply: string | null;
  createdAt: number;
  editedAt: number | null;
  /** The breakout room it was asked from; absent = the main meeting room. */
  roomId?: string;
  /** The asker's client id for this ask: the same id again returns this question. */
  clientId: string;
}

/** A meeting's whole Q&A: settings, questions, and who upvoted each question (a set per question). */
export interface QaBoard {
  meetingId: string;
  settings: QaSettings;
  /** Grows with every committed change, so clients drop stale updates. */
  version: number;
  questions: readonly QaQuestion[];
  upvoters: ReadonlyMap<string, ReadonlySet<string>>;
  /** Askers' Zoom display names where Zoom gave the server one (webhooks, profiles): for hosts, named questions only. */
  askerNames?: ReadonlyMap<string, string>;
}

/** Who is asking, from the trusted session. */
export interface QaAsker {
  voterId: string;
  meetingId: string;
  roomId?: string;
}

/** The clock and ids, passed in: the domain never reads the clock. */
export interface QaContext {
  now: number;
  newId: () => string;
}

/** Statuses in which the asker may still edit or withdraw: until a host answered (or set it aside). */
const OWN_CHANGES: ReadonlySet<QaStatus> = new Set(['waiting', 'live']);

/** Q&A on and open for writing, or why not. */
export function qaWritable(settings: QaSettings): Result<true> {
  if (!settings.enabled) return fail('QA_OFF', 'Q&A is off in this meeting');
  if (settings.closed) return fail('QA_CLOSED', 'the host has closed questions');
  return ok(true);
}

/** A question's text: trimmed, not empty, within the meeting's limit (in code points), profanity masked. */
export function questionText(settings: QaSettings, raw: string): Result<string> {
  const text = raw.trim();
  if (text.length === 0) return fail('INVALID', 'write a question', 'text');
  if ([...text].length > settings.maxLength)
    return fail('INVALID', `questions are at most ${settings.maxLength} characters`, 'text');
  // Masked rather than refused, as open-text answers are: the question stands, the word does not show.
  return ok(maskProfanity(text));
}

/**
 * A new question: waiting for review when the host reviews first, otherwise live at once. `held` is how
 * many questions the meeting already has (withdrawn ones are gone and do not count).
 */
export function askQuestion(
  settings: QaSettings,
  input: { text: string; anonymous: boolean; clientId: string },
  asker: QaAsker,
  ctx: QaContext & { held: number },
): Result<QaQuestion> {
  const writable = qaWritable(settings);
  if (!writable.ok) return writable;
  if (ctx.held >= QA_LIMITS.questionsMax)
    return fail('INVALID', `this meeting has reached its ${QA_LIMITS.questionsMax} questions`);
  if (input.anonymous && !settings.anonymousAllowed)
    return fail('INVALID', 'the host does not allow anonymous questions', 'anonymous');
  const text = questionText(settings, input.text);
  if (!text.ok) return text;
  return ok({
    id: ctx.newId(),
    meetingId: asker.meetingId,
    text: text.data,
    askerId: asker.voterId,
    anonymous: input.anonymous,
    status: settings.reviewFirst ? 'waiting' : 'live',
    pinned: false,
    reply: null,
    createdAt: ctx.now,
    editedAt: null,
    ...(asker.roomId === undefined ? {} : { roomId: asker.roomId }),
    clientId: input.clientId,
  });
}

/** The asker's own question, still open to their changes, or why not. */
function ownOpen(question: QaQuestion, voterId: string): Result<QaQuestion> {
  if (question.askerId !== voterId) return fail('FORBIDDEN', 'only the asker can change a question');
  if (!OWN_CHANGES.has(question.status))
    return fail('QUESTION_LOCKED', `this question is ${question.status} and can no longer be changed`);
  return ok(question);
}

/**
 * The asker rewrites their question. With review on, an edited live question goes back to the queue:
 * otherwise approval could be had for one text and then shown with another.
 */
export function editQuestion(
  settings: QaSettings,
  question: QaQuestion,
  voterId: string,
  raw: string,
  now: number,
): Result<QaQuestion> {
  const writable = qaWritable(settings);
  if (!writable.ok) return writable;
  const own = ownOpen(question, voterId);
  if (!own.ok) return own;
  const text = questionText(settings, raw);
  if (!text.ok) return text;
  const status: QaStatus = settings.reviewFirst ? 'waiting' : question.status;
  return ok({ ...question, text: text.data, status, pinned: status === 'live' && question.pinned, editedAt: now });
}

/** The asker takes their question back (it is deleted with its upvotes); not once it is answered. */
export function withdrawQuestion(settings: QaSettings, question: QaQuestion, voterId: string): Result<QaQuestion> {
  if (!settings.enabled) return fail('QA_OFF', 'Q&A is off in this meeting');
  return ownOpen(question, voterId);
}
