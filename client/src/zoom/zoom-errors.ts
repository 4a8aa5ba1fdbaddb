/** Zoom's error code when the user has do-not-disturb on: the notification simply is not shown. */
export const DO_NOT_DISTURB_CODE = '10042';

/** One config attempt's own deadline passed (the SDK's pending call may still answer later). */
export class ConfigTimeoutError extends Error {
  override readonly name = 'ConfigTimeoutError';
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * True when config failed because nothing can ever host the page: the SDK's "not supported by this
 * browser", said at once in a top-level tab. A timeout is not that: a slow or busy Zoom client may
 * answer the next attempt, so it is retried.
 */
export function isNotInZoomFailure(error: unknown): boolean {
  return messageOf(error).includes('not supported by this browser');
}

/** True for ZoomApiError 10042 (do-not-disturb); the SDK may report the code as a number or a string. */
export function isDoNotDisturb(error: unknown): boolean {
  return hasZoomCode(error, DO_NOT_DISTURB_CODE);
}

/** Zoom's error code when getBreakoutRoomList is called while breakout rooms are not open. */
export const ROOMS_NOT_OPEN_CODE = '10092';

/** True when a ZoomApiError carries this code (a number or a string, as the SDK reports either). */
export function hasZoomCode(error: unknown, expected: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code !== undefined && String(code) === expected;
}

/** Races a promise against a deadline; the loser's late rejection is absorbed. */
export function withTimeout<T>(promise: Promise<T>, ms: number, makeError: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(makeError()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
