/** Zoom's error code when the user has do-not-disturb on: the notification simply is not shown. */
export const DO_NOT_DISTURB_CODE = '10042';

/** Our own deadline for config, so a page without a Zoom host explains itself quickly. */
export class ConfigTimeoutError extends Error {
  override readonly name = 'ConfigTimeoutError';
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * True when config failed because nothing hosts the page: the SDK's "not supported by this browser"
 * (a top-level tab) or no answer in time (a frame whose parent is not Zoom or the simulator).
 */
export function isNotInZoomFailure(error: unknown): boolean {
  if (error instanceof ConfigTimeoutError) return true;
  const message = messageOf(error);
  return message.includes('not supported by this browser') || message.includes('took longer than');
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
