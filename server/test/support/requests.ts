import type { Answer, Poll, PollDraftInput } from '@quorum/shared';
import { ballotId, type Client, type TestServer } from './harness';

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type DraftQuestion = PollDraftInput['questions'][number];

/** A draft with the given questions and settings. */
export const draftOf = (
  questions: DraftQuestion[],
  settings: PollDraftInput['settings'] = {},
  title = 'Poll',
): PollDraftInput => ({
  title,
  questions,
  settings,
});

/** Casts one answer to one question. */
export function cast(client: Client, pollId: string, questionId: string, answer: Answer, clientBallotId = ballotId()) {
  return client.socket.emitWithAck('ballot:cast', { pollId, questionId, answer, clientBallotId });
}

/** Submits a survey's answers in one go. */
export function submit(
  client: Client,
  pollId: string,
  answers: { questionId: string; answer: Answer }[],
  clientBallotId = ballotId(),
) {
  return client.socket.emitWithAck('ballot:submit', { pollId, answers, clientBallotId });
}

/** GET with the client's session token; returns status and body (JSON when it is JSON, else text). */
export async function get(
  server: TestServer,
  client: Client,
  path: string,
): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : undefined;
  return { status: res.status, body: json, text };
}

/** Resolves with the next `poll:updated` for the poll that satisfies the predicate. */
export function nextPollUpdate(
  client: Client,
  until: (poll: Poll) => boolean,
): Promise<{ poll: Poll; serverTime: number; at: number }> {
  return new Promise((resolve) => {
    const listener = (poll: Poll, serverTime = -1) => {
      if (!until(poll)) return;
      client.socket.off('poll:updated', listener);
      resolve({ poll, serverTime, at: Date.now() });
    };
    client.socket.on('poll:updated', listener);
  });
}

/** Creates a draft and returns it (throws on failure, for fixtures). */
export async function createDraft(host: Client, draft: PollDraftInput): Promise<Poll> {
  const created = await host.socket.emitWithAck('poll:create', draft);
  if (!created.ok) throw new Error(`${created.error.code} ${created.error.field ?? ''}: ${created.error.message}`);
  return created.data.poll;
}
