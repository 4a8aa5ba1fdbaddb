/** The query parameter that opens present mode: `?present=<pollId>`, so a view can be reloaded or linked. */
export const PRESENT_PARAM = 'present';

/** The poll id the URL asks to present, or null. */
export function presentedPollId(search: string): string | null {
  const id = new URLSearchParams(search).get(PRESENT_PARAM);
  return id && id.trim() !== '' ? id : null;
}

/** The same URL with present mode for `pollId` set, or removed when null; other parameters are kept. */
export function withPresent(href: string, pollId: string | null): string {
  const url = new URL(href);
  if (pollId === null) url.searchParams.delete(PRESENT_PARAM);
  else url.searchParams.set(PRESENT_PARAM, pollId);
  return url.toString();
}
