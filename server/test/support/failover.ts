import type { Receipt, Result } from '@quorum/shared';
import { join, type Client, type Endpoint, type Person } from './harness';

/** A voter as the real client's outbox behaves: one ballot id, sent until the server acknowledges it. */
export interface RetryingVoter {
  person: Person;
  clientBallotId: string;
  optionId: string;
  client: Client;
  /** Every reply received, in order (refusals during an outage included). */
  replies: Result<Receipt>[];
  acked?: Receipt;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ACK_TIMEOUT_MS = 3_000;

/**
 * Connects to the first endpoint that answers, trying each in turn with exponential backoff (as
 * socket.io-client's reconnection does, but across servers): a dead process refuses at once.
 */
export async function joinWithBackoff(
  endpoints: readonly Endpoint[],
  person: Person,
  giveUpAfterMs = 20_000,
): Promise<Client> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    for (const endpoint of endpoints) {
      try {
        return await join(endpoint, person);
      } catch {
        // refused or reset: try the next server
      }
    }
    if (Date.now() > deadline) throw new Error(`no server answered for ${person.uid}`);
    await sleep(delay);
  }
}

/** A client whose server died reconnects (to whichever answers), ballot or not, as the real client does. */
export async function ensureConnected(voter: RetryingVoter, endpoints: readonly Endpoint[]): Promise<void> {
  if (!voter.client.socket.connected) voter.client = await joinWithBackoff(endpoints, voter.person);
}

/**
 * Sends the voter's ballot until it is acknowledged: after a timeout or a lost connection it
 * reconnects (to whichever server answers) and sends the SAME clientBallotId again, so a ballot
 * that was committed but whose ack was lost is stored once. A refusal (database down) is retried too.
 */
export async function castUntilAcked(
  voter: RetryingVoter,
  pollId: string,
  endpoints: readonly Endpoint[],
  giveUpAfterMs = 30_000,
): Promise<Receipt> {
  const deadline = Date.now() + giveUpAfterMs;
  for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 1_000)) {
    await ensureConnected(voter, endpoints);
    try {
      const reply = await voter.client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('ballot:cast', {
        pollId,
        questionId: 'q1',
        answer: { kind: 'single', optionId: voter.optionId },
        clientBallotId: voter.clientBallotId,
      });
      voter.replies.push(reply);
      if (reply.ok) return (voter.acked = reply.data);
    } catch {
      voter.client.socket.disconnect(); // no ack in time: treat the connection as lost
    }
    await sleep(delay);
  }
  throw new Error(`ballot of ${voter.person.uid} never acknowledged`);
}
