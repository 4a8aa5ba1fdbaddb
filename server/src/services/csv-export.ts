import type { Answer, Ballot, Poll, Question } from '@quorum/shared';

/** Quotes a CSV field when needed and defuses spreadsheet formulas (=, +, -, @ at the start). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRow = (fields: (string | number)[]): string => fields.map(csvField).join(',');

/** An answer in words: option labels rather than ids. */
export function describeAnswer(question: Question, answer: Answer): string {
  const label = (id: string) => (question.kind === 'rating' ? id : (question.options.find((o) => o.id === id)?.label ?? id));
  switch (answer.kind) {
    case 'single':
      return label(answer.optionId);
    case 'multiple':
      return answer.optionIds.map(label).join('; ');
    case 'rating':
      return String(answer.value);
  }
}

/**
 * One row per ballot of one run. Anonymous polls carry no voter column at all, so no identity can
 * leak through an export.
 */
export function exportRunCsv(poll: Poll, run: number, ballots: readonly Ballot[]): string {
  const anonymous = poll.settings.anonymous;
  const header = ['poll', 'run', 'question', 'answer', 'cast_at', ...(anonymous ? [] : ['voter'])];
  const questions = new Map(poll.questions.map((q) => [q.id, q]));
  const rows = ballots
    .filter((b) => b.run === run)
    .sort((a, b) => a.castAt - b.castAt)
    .flatMap((b) => {
      const question = questions.get(b.questionId);
      if (!question) return [];
      const fields = [poll.title, run, question.prompt, describeAnswer(question, b.answer), new Date(b.castAt).toISOString()];
      return [csvRow(anonymous ? fields : [...fields, b.voterId])];
    });
  return [csvRow(header), ...rows].join('\r\n') + '\r\n';
}
