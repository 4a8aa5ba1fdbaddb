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

/**
 * Saves a draft's new content; resolves with an error message or null. Confirms "Saved …" (with the title
 * the server gave it, a blank one being the first question) unless the caller says its own `confirm: false`.
 */
export function useSaveDraft({ confirm = true }: { confirm?: boolean } = {}) {
  const { controller } = useMeeting();
  const notify = useNotify();
  const t = useT();
  return async (draft: PollDraftInput, pollId?: string): Promise<string | null> => {
    const result = pollId
      ? await controller.request('poll:update', { pollId, draft })
      : await controller.request('poll:create', draft);
    if (result.ok && confirm) notify(t('host.saved', { title: result.data.poll.title }));
    return result.ok ? null : result.error.message;
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
