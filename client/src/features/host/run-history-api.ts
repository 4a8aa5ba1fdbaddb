import { pollTallySchema, type PollTally } from '@quorum/shared';
import { apiCall } from '../../session/api-call';
import type { SessionClient } from '../../session/session-client';

/** `GET /api/polls/:id` as far as run history needs it: every run's tally. */
const pollRunsSchema = {
  safeParse(value: unknown): { success: true; data: PollTally[] } | { success: false } {
    const runs = pollTallySchema.array().safeParse((value as { runs?: unknown } | null)?.runs);
    return runs.success ? { success: true, data: runs.data } : { success: false };
  },
};

/** Every run's results of a poll (relaunches never overwrite earlier runs), oldest first. */
export const fetchRuns = (
  session: SessionClient,
  pollId: string,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): Promise<PollTally[]> => apiCall(session, fetchFn, `/api/polls/${encodeURIComponent(pollId)}`, pollRunsSchema);
