import type { PollDraftInput } from '@quorum/shared';
import { useMeeting } from '../../app-context';
import { useAnnounce } from '../../components/announcer';
import { useNotify } from '../../components/toasts';
import { errorText, useT } from '../../i18n';
import type { RequestData, RequestName, RequestPayload } from '../../realtime/realtime-link';
import type { Moderate } from '../../kinds/text/text-results';

/**
 * Sends a host request and announces the outcome; resolves with the data, or an error message. With
 * `toast`, a success is also confirmed on screen (a failure shows beside the control that caused it).
 */
export function useHostRequest({ toast = false }: { toast?: boolean } = {}) {
  const { controller } = useMeeting();
  const announce = useAnnounce();
  const notify = useNotify();
  const t = useT();
  return async <E extends RequestName>(
    event: E,
    payload: RequestPayload<E>,
    done: string,
  ): Promise<{ data: RequestData<E> } | { error: string }> => {
    const result = await controller.request(event, payload);
    const message = result.ok ? done : t('host.requestFailed', { reason: errorText(t, result.error) });
    (result.ok && toast ? notify : announce)(message);
    return result.ok ? { data: result.data as RequestData<E> } : { error: message };
  };
}

/** The store request for a draft: a new poll, or new content for the poll `pollId`. */
function storeDraft(controller: ReturnType<typeof useMeeting>['controller'], draft: PollDraftInput, pollId?: string) {
  return pollId ? controller.request('poll:update', { pollId, draft }) : controller.request('poll:create', draft);
}

/**
 * Saves a draft's new content; resolves with an error message or null. Confirms "Saved …" (with the title
 * the server gave it, a blank one being the first question) unless the caller says its own `confirm: false`.
 */
export function useSaveDraft({ confirm = true }: { confirm?: boolean } = {}) {
  const { controller } = useMeeting();
  const notify = useNotify();
  const t = useT();
  return async (draft: PollDraftInput, pollId?: string): Promise<string | null> => {
    const result = await storeDraft(controller, draft, pollId);
    if (result.ok && confirm) notify(t('host.saved', { title: result.data.poll.title }));
    return result.ok ? null : result.error.message;
  };
}

/** What a launch from the composer came to: the poll's id once it was saved, and an error message or null. */
export interface LaunchOutcome {
  pollId?: string | undefined;
  error: string | null;
}

/**
 * The composer's Launch: saves the draft (new, or over `pollId`) and opens it in one step, confirming
 * "Launched …". When the save worked but the opening did not, the outcome still names the saved poll, so
 * the next attempt updates that draft instead of saving it twice.
 */
export function useLaunchDraft() {
  const { controller } = useMeeting();
  const open = useHostRequest({ toast: true });
  const t = useT();
  return async (draft: PollDraftInput, pollId?: string): Promise<LaunchOutcome> => {
    const saved = await storeDraft(controller, draft, pollId);
    if (!saved.ok) return { pollId, error: saved.error.message };
    const { id, title } = saved.data.poll;
    const opened = await open('poll:open', { pollId: id }, t('host.launched', { title }));
    return { pollId: id, error: 'error' in opened ? opened.error : null };
  };
}

/** Hide / Unhide of open-text answers in one run of a poll (`answer:hide`). */
export function useModerate(pollId: string): (run: number) => Moderate {
  const send = useHostRequest();
  const t = useT();
  return (run) => async (ballotId, hidden) => {
    const outcome = await send(
      'answer:hide',
      { pollId, run, ballotId, hidden },
      t(hidden ? 'text.hidden' : 'text.shown'),
    );
    return 'data' in outcome;
  };
}
