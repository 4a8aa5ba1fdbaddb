import type { SessionClient } from './session-client';
import { ensureOk, sessionFetch } from './api-call';

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  // Revoked later, not at once: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a session-protected file: fetched with the in-memory token, since the cookie may be blocked in Zoom's frame. */
export async function downloadWithSession(
  session: SessionClient,
  path: string,
  fileName: string,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): Promise<void> {
  const response = await ensureOk(await sessionFetch(session, fetchFn, path));
  saveBlob(await response.blob(), fileName);
}

/** A file name made of a title: letters, digits and dashes, at most 40 characters. */
export const fileNameOf = (title: string, suffix: string): string =>
  `${title.replace(/[^\w-]+/g, '-').slice(0, 40) || 'poll'}${suffix}`;
