import type { ZoomMeetingView } from '@quorum/shared';
import { translator, type MessageId, type MessageValues } from '../../i18n';
import { createStore, type Store } from '../../realtime/store';
import type { Unsubscribe, ZoomAuthorizedEvent, ZoomPort } from '../../zoom/zoom-port';
import { needsAuthorization, type ZoomCloudApi } from './zoom-cloud-api';

/** Where the host's Zoom account link stands; every failure lands in a state with a way forward. */
export type ZoomAccountState =
  | { kind: 'checking' }
  /** No Zoom user behind the session (guest mode): signing in to Zoom comes first. */
  | { kind: 'guest'; message?: string }
  /** Quorum holds no usable tokens: offer "Connect Zoom account". */
  | { kind: 'disconnected'; message?: string }
  /** 'consent' waits for the user in Zoom's window; the other steps wait for our server. */
  | { kind: 'authorizing'; step: 'starting' | 'consent' | 'finishing' }
  /** Linked; `meeting` is null when Zoom could not describe this meeting (`message` says why). */
  | { kind: 'connected'; meeting: ZoomMeetingView | null; message?: string }
  /** The server could not tell (network): nothing to act on until the next refresh. */
  | { kind: 'unknown'; message: string };

/** The in-client OAuth flow and what it yields (the meeting's topic), free of React for testing. */
export interface ZoomAccount {
  store: Pick<Store<ZoomAccountState, ZoomAccountState>, 'getState' | 'subscribe'>;
  /** Re-reads the link; `guest` when the session has no Zoom user (no request is needed then). */
  refresh(guest: boolean): Promise<void>;
  /** `POST /api/zoom/authorize` → `zoomSdk.authorize`; onAuthorized finishes the job. */
  connect(): Promise<void>;
  /** `zoomSdk.promptAuthorize` for guests; Zoom's user-context change then renews the session. */
  signIn(): Promise<void>;
  /** Starts listening for onAuthorized; returns how to stop (an effect's setup and cleanup). */
  listen(): Unsubscribe;
}

export interface ZoomAccountDeps {
  zoom: ZoomPort;
  api: ZoomCloudApi;
  announce?: (message: string) => void;
}

const t = (id: MessageId, values?: MessageValues) => translator()(id, values);
const AGAIN = (): string => t('account.again');

const reason = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : t('common.somethingWrong');

/** A 401 means the tokens are gone: offer to connect again rather than show an error. */
const afterFailure = (error: unknown, otherwise: (message: string) => ZoomAccountState): ZoomAccountState =>
  needsAuthorization(error) ? { kind: 'disconnected', message: AGAIN() } : otherwise(reason(error));

/** Creates the flow; call `listen()` before `connect()` so the code is not missed. */
export function createZoomAccount({ zoom, api, announce = () => {} }: ZoomAccountDeps): ZoomAccount {
  const store = createStore<ZoomAccountState, ZoomAccountState>((_, next) => next, { kind: 'checking' });
  const set = store.dispatch;
  // The state of the authorize call in flight: onAuthorized must echo it, or the event is not ours.
  let pending: string | null = null;

  const loadMeeting = async () => {
    try {
      set({ kind: 'connected', meeting: await api.meeting() });
    } catch (error) {
      set(
        afterFailure(error, (message) => ({
          kind: 'connected',
          meeting: null,
          message: t('account.noMeeting', { reason: message }),
        })),
      );
    }
  };

  const finish = async (event: ZoomAuthorizedEvent) => {
    if (pending === null || (event.state !== undefined && event.state !== pending)) return;
    const state = pending;
    pending = null;
    if (!event.result || !event.code) {
      set({ kind: 'disconnected', message: t('account.declined') });
      return;
    }
    set({ kind: 'authorizing', step: 'finishing' });
    try {
      // Zoom binds the code to the redirect URI it reports: the server must redeem with exactly that one.
      await api.completeAuthorize({ code: event.code, state, redirectUri: event.redirectUri });
    } catch (error) {
      set({ kind: 'disconnected', message: reason(error) });
      return;
    }
    announce(t('account.connected'));
    await loadMeeting();
  };

  return {
    store,
    async refresh(guest) {
      if (guest) return set({ kind: 'guest' });
      try {
        const status = await api.status();
        if (!status.canAuthorize) set({ kind: 'guest' });
        else if (!status.authorized) set({ kind: 'disconnected' });
        else await loadMeeting();
      } catch (error) {
        set(afterFailure(error, (message) => ({ kind: 'unknown', message })));
      }
    },
    async connect() {
      set({ kind: 'authorizing', step: 'starting' });
      try {
        const started = await api.startAuthorize();
        pending = started.state;
        await zoom.authorize({ codeChallenge: started.codeChallenge, state: started.state });
        // onAuthorized may already have finished the flow while authorize's answer was on its way.
        if (pending === started.state) set({ kind: 'authorizing', step: 'consent' });
      } catch (error) {
        pending = null;
        set({ kind: 'disconnected', message: t('account.startFailed', { reason: reason(error) }) });
      }
    },
    async signIn() {
      try {
        await zoom.promptAuthorize();
      } catch (error) {
        set({ kind: 'guest', message: t('account.signInFailed', { reason: reason(error) }) });
      }
    },
    listen: () => zoom.onAuthorized((event) => void finish(event)),
  };
}
