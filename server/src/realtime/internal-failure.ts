import { fail, type Result } from '@quorum/shared';
import { LockUnavailable } from '../cluster/lease';

/** Node socket errors and PostgreSQL SQLSTATEs that mean "could not reach the database", not "bad request". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i;

/** True when `error` says the database (or the cluster's coordination) could not be reached. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof LockUnavailable) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // SQLSTATE class 08: connection exceptions.
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && UNREACHABLE_MESSAGES.test(message);
}

/**
 * The reply to a request that failed on our side: never an acknowledgement (a ballot is only
 * acknowledged after its commit). Sending the same request again is safe (the same clientBallotId
 * is stored once), and during an outage the reply says that is what to do.
 */
export function internalFailure(error: unknown): Result<never> {
  return isUnavailable(error)
    ? fail(
        'INTERNAL',
        'the database is unavailable right now; your last action was not confirmed, please send it again',
      )
    : fail('INTERNAL', 'something went wrong on our side; your last action was not saved');
}
