import { SESSION_GRANT_ELEMENT_ID, sessionGrantSchema, type SessionGrant } from '@quorum/shared';

/**
 * The session the server opened from Zoom's `x-zoom-app-context` header when it served this page, read
 * once: the first start needs no `POST /api/session`. Later starts (a renewal, a restart on another
 * surface) ask with a fresh context. The element is removed once read, so the token lives in memory only.
 */
export function pageGrant(doc: Document): () => SessionGrant | null {
  const element = doc.getElementById(SESSION_GRANT_ELEMENT_ID);
  element?.remove();
  let grant = parse(element?.textContent);
  return () => {
    const once = grant;
    grant = null;
    return once;
  };
}

function parse(text: string | null | undefined): SessionGrant | null {
  if (!text) return null;
  try {
    const parsed = sessionGrantSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
