import {
  templateDeletedSchema,
  templateListSchema,
  templateResponseSchema,
  type PollDraftInput,
  type Template,
} from '@quorum/shared';
import { ApiError, apiCall, ensureOk, sessionFetch } from '../../session/api-call';
import type { SessionClient } from '../../session/session-client';

/** The signed-in Zoom user's poll library on Quorum's server. */
export interface TemplateApi {
  list(): Promise<Template[]>;
  /** Creates or replaces the template with this id. */
  put(id: string, draft: PollDraftInput): Promise<Template>;
  /** Deletes it; a template already gone counts as deleted. */
  remove(id: string): Promise<void>;
  /** Sends an export file as read from disk; the server names the bad field of a bad file. */
  importFile(file: unknown): Promise<Template[]>;
  /** The whole library as the server exports it. */
  exportFile(): Promise<Blob>;
}

/** Creates the client for the session; every call carries the session's token. */
export function createTemplateApi(session: SessionClient, fetchFn: typeof fetch = (...a) => fetch(...a)): TemplateApi {
  const path = (id: string) => `/api/templates/${encodeURIComponent(id)}`;
  return {
    list: async () => (await apiCall(session, fetchFn, '/api/templates', templateListSchema)).templates,
    put: async (id, draft) =>
      (await apiCall(session, fetchFn, path(id), templateResponseSchema, 'PUT', { draft })).template,
    remove: async (id) => {
      try {
        await apiCall(session, fetchFn, path(id), templateDeletedSchema, 'DELETE');
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    },
    importFile: async (file) =>
      (await apiCall(session, fetchFn, '/api/templates/import', templateListSchema, 'POST', file)).templates,
    exportFile: async () => (await ensureOk(await sessionFetch(session, fetchFn, '/api/templates/export'))).blob(),
  };
}
