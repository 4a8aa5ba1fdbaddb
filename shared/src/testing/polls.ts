import { createPoll, openPoll } from '../domain/poll';
import type { Result } from '../protocol/errors';
import type { Answer, Ballot } from '../schemas/ballot';
import { pollDraftSchema, type Poll, type PollDraftInput, type PollSettings, type Question } from '../schemas/poll';

/** Settings nobody has touched: named, results live, answers may change, no time limit. */
export const LIVE_SETTINGS: PollSettings = {
  anonymous: false,
  resultsVisibility: 'live',
  allowAnswerChange: true,
  closeAfterSec: null,
};

/** The data of an ok result; a refused one fails the test with its message. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`fixture refused (${result.error.code}): ${result.error.message}`);
  return result.data;
}

/** A poll over `questions`, open in run 1 since time 0 (id p, meeting m), with `over` on top. */
export function openPollOf(questions: Question[], over: Partial<Poll> = {}): Poll {
  return {
    id: 'p',
    meetingId: 'm',
    title: 'Poll',
    questions,
    settings: LIVE_SETTINGS,
    status: 'open',
    run: 1,
    resultsShared: false,
    createdAt: 0,
    openedAt: 0,
    closedAt: null,
    closesAt: null,
    ...over,
  };
}

/** A draft a host would send: a title, the questions, and the live settings with `settings` on top. */
export function draftOf(
  questions: PollDraftInput['questions'],
  settings: PollDraftInput['settings'] = {},
  title = 'Poll',
): PollDraftInput {
  return { title, questions, settings: { ...LIVE_SETTINGS, ...settings } };
}

/** A draft parsed, created and opened at `now` the way the server does it, with ids id1, id2, … */
export function launchedPoll(draft: PollDraftInput, { meetingId = 'm', now = 1_000 } = {}): Poll {
  let id = 0;
  const ctx = { now, newId: () => `id${++id}` };
  return must(openPoll(must(createPoll(pollDraftSchema.parse(draft), meetingId, ctx)), now));
}

let seq = 0;
/** A stored ballot by `voterId` on `questionId` of poll p, run 1, with fresh ids; `extra` overrides any field. */
export function ballotOf(voterId: string, questionId: string, answer: Answer, extra: Partial<Ballot> = {}): Ballot {
  seq++;
  return {
    ballotId: `b${seq}`,
    pollId: 'p',
    run: 1,
    questionId,
    clientBallotId: `client-${String(seq).padStart(4, '0')}`,
    answer,
    castAt: seq,
    voterId,
    ...extra,
  };
}
