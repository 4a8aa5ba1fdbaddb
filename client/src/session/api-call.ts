import type { AppError } from '@quorum/shared';
import { translator } from '../i18n';
import { authHeaders, type SessionClient } from './session-client';

/** A failed call to Quorum's HTTP API: the server's error (with the field it blames), or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: AppError['code'] | 'NETWORK',
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Anything with zod's `safeParse`, so callers pass shared schemas without this file importing zod. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** One request with the session's in-memory token (cookies may be blocked in Zoom's frame). */
export async function sessionFetch(
  session: SessionClient,
  fetchFn: typeof fetch,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<Response> {
  const headers = { ...authHeaders(session), ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  try {
    return await fetchFn(path, {
      method,
      credentials: 'include',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError('Quorum’s server could not be reached.', 0, 'NETWORK');
  }
}

/** Throws the server's `{error}` as an ApiError unless the response is OK. */
export async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  const json = (await response.json().catch(() => null)) as { error?: Partial<AppError> } | null;
  const error = json?.error;
  throw new ApiError(
    error?.message ?? translator()('api.http', { status: response.status }),
    response.status,
    error?.code ?? 'INTERNAL',
    error?.field,
  );
}

/** A JSON call checked against the shared schema of its answer. */
export async function apiCall<T>(
  session: SessionClient,
  fetchFn: typeof fetch,
  path: string,
  schema: Parser<T>,
  method = 'GET',
  body?: unknown,
): Promise<T> {
  const response = await ensureOk(await sessionFetch(session, fetchFn, path, method, body));
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError('Quorum’s server sent an answer this version does not understand.', response.status, 'INTERNAL');
  return parsed.data;
}
