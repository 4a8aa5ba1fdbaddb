import { fail, ok, type Result } from '../protocol/errors';
import type { PollDraft, Question } from '../schemas/poll';
import { numberQuestionProblem } from './number-grid';
import { isScored } from './quiz';

type DraftQuestion = PollDraft['questions'][number];
type DraftOption = { id?: string | undefined; label: string };

/** Gives every option an id and checks they are unique. */
function normalizeOptions(options: readonly DraftOption[], qi: number, newId: () => string): Result<{ id: string; label: string }[]> {
  const ids = new Set<string>();
  const out = [];
  for (const [oi, o] of options.entries()) {
    const id = o.id ?? newId();
    if (ids.has(id)) return fail('INVALID', `option ids must be unique (${id})`, `questions.${qi}.options.${oi}.id`);
    ids.add(id);
    out.push({ id, label: o.label });
  }
  return ok(out);
}

/** Quiz answers must name the question's own options, and a multiple-choice key must be pickable. */
function checkCorrect(q: Question, qi: number): Result<Question> {
  if ((q.kind !== 'single' && q.kind !== 'multiple') || q.correctOptionIds === undefined) return ok(q);
  const field = `questions.${qi}.correctOptionIds`;
  const known = new Set(q.options.map((o) => o.id));
  if (q.correctOptionIds.some((id) => !known.has(id))) return fail('INVALID', 'correct answers must be options of the question', field);
  if (new Set(q.correctOptionIds).size !== q.correctOptionIds.length) return fail('INVALID', 'a correct answer is listed twice', field);
  const n = q.correctOptionIds.length;
  if (q.kind === 'multiple' && (n < q.minPicks || n > q.maxPicks)) {
    return fail('INVALID', `the correct answer must be ${q.minPicks} to ${q.maxPicks} picks`, field);
  }
  return ok(q);
}

/** The per-kind rules a schema cannot express, with ids filled in. */
export function normalizeQuestion(q: DraftQuestion, qi: number, id: string, newId: () => string): Result<Question> {
  switch (q.kind) {
    case 'rating':
      if (q.max <= q.min) return fail('INVALID', 'the scale maximum must exceed its minimum', `questions.${qi}.max`);
      return ok({ ...q, id });
    case 'text':
      return ok({ ...q, id });
    case 'number': {
      const problem = numberQuestionProblem(q);
      return problem ? fail('INVALID', problem.message, `questions.${qi}.${problem.field}`) : ok({ ...q, id });
    }
    case 'single':
    case 'multiple':
    case 'rank': {
      const options = normalizeOptions(q.options, qi, newId);
      if (!options.ok) return options;
      if (q.kind === 'multiple') {
        if (q.minPicks > q.maxPicks) return fail('INVALID', 'minimum picks cannot exceed maximum picks', `questions.${qi}.minPicks`);
        if (q.maxPicks > options.data.length) return fail('INVALID', 'maximum picks cannot exceed the number of options', `questions.${qi}.maxPicks`);
      }
      return checkCorrect({ ...q, id, options: options.data }, qi);
    }
  }
}

/** A quiz needs something to score. */
export function checkQuiz(draft: Pick<PollDraft, 'settings'>, questions: readonly Question[]): Result<true> {
  if (draft.settings.quiz && !questions.some(isScored)) {
    return fail('INVALID', 'a quiz needs a choice question with correct answers', 'settings.quiz');
  }
  return ok(true);
}
