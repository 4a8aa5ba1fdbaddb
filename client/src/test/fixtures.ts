import {
  DEFAULT_QA_SETTINGS,
  type MeetingSnapshot,
  type Poll,
  type PollTally,
  type QaQuestionView,
  type QaSettings,
  type QaUpdate,
  type Receipt,
  type SessionView,
} from '@quorum/shared';

/** A poll with one single-choice question (options a, b), open in run 1 unless overridden. */
export function makePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'p1',
    meetingId: 'm1',
    title: 'Lunch?',
    questions: [
      {
        id: 'q1',
        kind: 'single',
        prompt: 'Where?',
        options: [
          { id: 'a', label: 'Pizza' },
          { id: 'b', label: 'Sushi' },
        ],
      },
    ],
    settings: { anonymous: false, resultsVisibility: 'live', allowAnswerChange: true, closeAfterSec: null },
    status: 'open',
    run: 1,
    resultsShared: false,
    createdAt: 1,
    openedAt: 2,
    closedAt: null,
    closesAt: null,
    ...overrides,
  };
}

export function makeTally(overrides: Partial<PollTally> = {}): PollTally {
  return {
    pollId: 'p1',
    run: 1,
    version: 1,
    turnout: 1,
    questions: { q1: { kind: 'choice', voters: 1, counts: { a: 1, b: 0 } } },
    ...overrides,
  };
}

export function makeSession(overrides: Partial<SessionView> = {}): SessionView {
  return { voterId: 'v1', meetingId: 'm1', role: 'participant', isHost: false, authorized: false, ...overrides };
}

export function makeReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    ballotId: 'b1',
    pollId: 'p1',
    run: 1,
    questionId: 'q1',
    clientBallotId: 'cbid0001',
    answer: { kind: 'single', optionId: 'a' },
    castAt: 5,
    ...overrides,
  };
}

export function makeSnapshot(overrides: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return { session: makeSession(), serverTime: 1000, polls: [makePoll()], tallies: [], myBallots: [], ...overrides };
}

export function makeQuestion(overrides: Partial<QaQuestionView> = {}): QaQuestionView {
  return {
    id: 'qq1',
    text: 'Will the slides be shared?',
    status: 'live',
    pinned: false,
    reply: null,
    anonymous: false,
    createdAt: 100,
    editedAt: null,
    upvotes: 0,
    ...overrides,
  };
}

/** A meeting's Q&A as one audience receives it: on, published at once, counts shown, unless told. */
export function makeQaUpdate(
  questions: QaQuestionView[] = [],
  settings: Partial<QaSettings> = {},
  version = 1,
): QaUpdate {
  return { meetingId: 'm1', version, settings: { ...DEFAULT_QA_SETTINGS, enabled: true, ...settings }, questions };
}
