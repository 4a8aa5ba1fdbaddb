import {
  kindRules,
  quizRules,
  roomLabel,
  roomNumbers,
  roomOf,
  scoreBallot,
  type Answer,
  type Ballot,
  type Poll,
  type Question,
} from '@quorum/shared';
import type { VoterLabels } from './voter-directory';

/**
 * Invisible characters a field may start with: format characters (zero-width space and joiners, BOM,
 * word joiner) and control characters other than tab, CR and LF (which the formula check handles
 * itself). They carry no meaning at the start of a cell, and some spreadsheets skip them before
 * deciding a cell is a formula, so they are dropped.
 */
const LEADING_INVISIBLE = /^[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]+/u;

/** A cell a spreadsheet would read as a formula or command: =, +, -, @, tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes a CSV field when needed and defuses spreadsheet formulas. The check runs on the NFKC form,
 * so compatibility look-alikes (fullwidth ＝ ＋ － ＠, which Japanese and Chinese input produces and
 * some spreadsheets fold to ASCII) are caught too; the field keeps its own characters behind the `'`.
 */
export function csvField(value: string | number): string {
  let text = String(value).replace(LEADING_INVISIBLE, '');
  if (FORMULA_START.test(text.normalize('NFKC'))) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (without its line break). */
export const csvRow = (fields: (string | number)[]): string => fields.map(csvField).join(',');

/** Lines as a CSV document (CRLF, as RFC 4180 and spreadsheets expect). */
export const csvDocument = (lines: string[]): string => lines.join('\r\n') + '\r\n';

/** An answer in words, as its kind writes it: option labels rather than ids, rankings best first. */
export const describeAnswer = (question: Question, answer: Answer): string =>
  kindRules(question.kind).describeAnswer(question, answer);

/** The ballots an export may show: the run's, without answers a host hid. */
export const exportableBallots = (ballots: readonly Ballot[], run: number): Ballot[] =>
  ballots.filter((b) => b.run === run && !b.hidden).sort((a, b) => a.castAt - b.castAt);

/** Points per ballot for quiz polls (undefined for questions that do not score, or no quiz). */
export function ballotPoints(poll: Poll): (ballot: Ballot) => number | undefined {
  const rules = quizRules(poll.settings);
  const questions = new Map(poll.questions.map((q) => [q.id, q]));
  return (ballot) => {
    const question = questions.get(ballot.questionId);
    return rules && question ? scoreBallot(rules, question, ballot)?.points : undefined;
  };
}

/**
 * The label of each ballot's room ("Main room", "Room n" numbered by first ballot), or undefined when
 * every ballot is from the main room (then exports carry no room column at all) — and always for
 * anonymous polls: beside each answer, a room of one or two people names who gave it.
 */
export function ballotRooms(
  poll: Pick<Poll, 'settings'>,
  ballots: readonly Ballot[],
): ((ballot: Ballot) => string) | undefined {
  if (poll.settings.anonymous || ballots.every((b) => b.roomId === undefined)) return undefined;
  const numbers = roomNumbers(ballots.map(roomOf));
  return (ballot) => roomLabel(roomOf(ballot), numbers);
}

/**
 * One row per ballot of one run; hidden open-text answers are left out. Quizzes add the points each
 * answer scored; runs that reached breakout rooms add the room each ballot was cast in (its label and
 * Zoom's room UUID). Named polls add the voter's id, Zoom display name and email (where the app has
 * them, see `labelVoters`); anonymous polls carry no voter columns and no room columns at all, so no
 * identity can leak through an export.
 */
export function exportRunCsv(poll: Poll, run: number, ballots: readonly Ballot[], labels?: VoterLabels): string {
  const anonymous = poll.settings.anonymous;
  const quiz = poll.settings.quiz !== undefined;
  const points = ballotPoints(poll);
  const exported = exportableBallots(ballots, run);
  const room = ballotRooms(poll, exported);
  const header = [
    'poll',
    'run',
    'question',
    'answer',
    'cast_at',
    ...(room ? ['room', 'room_id'] : []),
    ...(quiz ? ['points'] : []),
    ...(anonymous ? [] : ['voter', 'voter_name', 'voter_email']),
  ];
  const questions = new Map(poll.questions.map((q) => [q.id, q]));
  const rows = exported.flatMap((b) => {
    const question = questions.get(b.questionId);
    if (!question) return [];
    const fields: (string | number)[] = [
      poll.title,
      run,
      question.prompt,
      describeAnswer(question, b.answer),
      new Date(b.castAt).toISOString(),
    ];
    if (room) fields.push(room(b), b.roomId ?? '');
    if (quiz) fields.push(points(b) ?? '');
    if (!anonymous) {
      const label = labels?.(b.voterId);
      fields.push(b.voterId, label?.name ?? '', label?.email ?? '');
    }
    return [csvRow(fields)];
  });
  return csvDocument([csvRow(header), ...rows]);
}
