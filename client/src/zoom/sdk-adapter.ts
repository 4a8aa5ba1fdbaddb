import zoomSdk from '@zoom/appssdk';
import type {
  ConfigResponse,
  JSONObject,
  OnAuthorizedEvent,
  OnBreakoutRoomChangeEvent,
  OnConnectEvent,
  OnMeetingEvent,
  OnMessageEvent,
  OnMyUserContextChangeEvent,
} from '@zoom/appssdk';
import { normalizeRole } from '@quorum/shared';
import { ZOOM_CAPABILITIES, ZOOM_POPOUT_SIZE, ZOOM_SDK_VERSION } from './capabilities';
import {
  configureWithRetries,
  DEFAULT_CONFIG_POLICY,
  keepConfigCurrent,
  type ConfigAttempt,
  type ConfigPolicy,
  type ConfigRenewal,
} from './config-lifecycle';
import { inviteInBatches } from './invite-batches';
import { platformOf, popoutSizeFor } from './popout-size';
import { onUrlChange } from './url-changes';
import {
  ConfigTimeoutError,
  hasZoomCode,
  isDoNotDisturb,
  isNotInZoomFailure,
  ROOMS_NOT_OPEN_CODE,
  withTimeout,
} from './zoom-errors';
import { NotInZoomError, type JsonObject, type Unsubscribe, type ZoomConfig, type ZoomPort } from './zoom-port';

type Sdk = typeof zoomSdk;
type SdkEvent = Parameters<Sdk['addEventListener']>[0];

const toConfig = (response: ConfigResponse): ZoomConfig => ({
  runningContext: response.runningContext,
  unsupportedApis: response.unsupportedApis ?? [],
  clientVersion: response.clientVersion,
});

/** Registers a handler on an SDK event and returns how to remove it (the SDK needs the same function). */
function listen<T>(sdk: Sdk, event: string, handler: (data: T) => void): Unsubscribe {
  const wrapped = (data: T) => handler(data);
  sdk.addEventListener(event as SdkEvent, wrapped);
  return () => sdk.removeEventListener(event as SdkEvent, wrapped);
}

/** What the adapter reads from its surroundings; tests replace them. */
export interface SdkAdapterOptions {
  policy?: ConfigPolicy;
  onUrlChange?: (handler: () => void) => Unsubscribe;
  /** The popout size Zoom is asked for, already inside its limits for this platform and screen. */
  popoutSize?: () => { width: number; height: number };
}

const browserPopoutSize = () =>
  popoutSizeFor(
    ZOOM_POPOUT_SIZE,
    platformOf(navigator.userAgent),
    typeof screen === 'undefined' ? null : { width: screen.width, height: screen.height },
  );

/** One config call with our capabilities; a page nothing can host becomes NotInZoomError. */
async function configureOnce(
  sdk: Sdk,
  timeoutMs: number,
  popoutSize: { width: number; height: number },
): Promise<ZoomConfig> {
  try {
    // Our own deadline instead of config's `timeout`, which would also change every later call's.
    const response = await withTimeout(
      sdk.config({ version: ZOOM_SDK_VERSION, capabilities: [...ZOOM_CAPABILITIES], popoutSize }),
      timeoutMs,
      () => new ConfigTimeoutError(`Zoom did not answer config within ${timeoutMs} ms`),
    );
    return toConfig(response);
  } catch (error) {
    if (isNotInZoomFailure(error)) throw new NotInZoomError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}

type UserChangeHandler = (
  change: { role: ReturnType<typeof normalizeRole>; screenName: string },
  config: ZoomConfig,
) => void;

/**
 * Keeps the config current. Zoom binds it to the page URL and the context and lets it expire, so it
 * is renewed on a timer, after the app changes its own URL, and after a running- or user-context change.
 */
function createReconfigurer(sdk: Sdk, options: SdkAdapterOptions) {
  const policy = options.policy ?? DEFAULT_CONFIG_POLICY;
  const size = options.popoutSize ?? browserPopoutSize;
  const configure = () => configureOnce(sdk, policy.attemptTimeoutMs, size());
  let renewal: ConfigRenewal | null = null;
  const contextListeners = new Set<(config: ZoomConfig) => void>();
  const userListeners = new Set<UserChangeHandler>();

  const renew = async (): Promise<ZoomConfig> => {
    if (!renewal) throw new NotInZoomError('Zoom config is unavailable');
    return renewal.renew();
  };

  const start = async (onRetry?: (progress: ConfigAttempt) => void): Promise<ZoomConfig> => {
    const first = await configureWithRetries((timeoutMs) => configureOnce(sdk, timeoutMs, size()), policy, onRetry);
    if (renewal) return first;
    renewal = keepConfigCurrent({ configure, first, policy, onUrlChange: options.onUrlChange ?? onUrlChange });
    listen<unknown>(sdk, 'onRunningContextChange', () => {
      void renew().then((c) => contextListeners.forEach((h) => h(c)));
    });
    listen<OnMyUserContextChangeEvent>(sdk, 'onMyUserContextChange', (event) => {
      const change = { role: normalizeRole(event.role), screenName: event.screenName };
      void renew().then((c) => userListeners.forEach((h) => h(change, c)));
    });
    return first;
  };

  const subscribe = <H>(set: Set<H>, handler: H): Unsubscribe => {
    set.add(handler);
    return () => set.delete(handler);
  };

  return { start, renew, contextListeners, userListeners, subscribe };
}

/** The ZoomPort backed by the real `@zoom/appssdk` (the only module that imports it). */
export function createSdkAdapter(sdk: Sdk = zoomSdk, options: SdkAdapterOptions = {}): ZoomPort {
  const reconfig = createReconfigurer(sdk, options);
  return {
    config: reconfig.start,
    renewConfig: reconfig.renew,
    async getUserContext() {
      const user = await sdk.getUserContext();
      return {
        participantUUID: user.participantUUID,
        screenName: user.screenName,
        role: normalizeRole(user.role),
        status: user.status,
      };
    },
    async getAppContext() {
      return (await sdk.getAppContext()).context;
    },
    async getMeetingParticipants() {
      const { participants } = await sdk.getMeetingParticipants();
      return participants.map((p) => ({
        participantUUID: p.participantUUID,
        screenName: p.screenName,
        role: normalizeRole(p.role),
      }));
    },
    onParticipantChange: (handler) => listen(sdk, 'onParticipantChange', () => handler()),
    async showNotification(notification) {
      try {
        // sdk.d.ts types the argument as the DOM's NotificationOptions by mistake; the wire shape is ours.
        await sdk.showNotification(notification as unknown as Parameters<Sdk['showNotification']>[0]);
      } catch (error) {
        if (!isDoNotDisturb(error)) throw error;
      }
    },
    async sendAppInvitationToAllParticipants() {
      await sdk.sendAppInvitationToAllParticipants();
    },
    async sendAppInvitation({ participantUUIDs, messageText }) {
      // The SDK passes messageText through untouched (only the UUID list is renamed); clients ≥5.13.10 show it.
      const text = messageText === undefined ? {} : { messageText };
      await inviteInBatches((batch) => sdk.sendAppInvitation({ participantUUIDs: batch, ...text }), participantUUIDs);
    },
    onRunningContextChange: (handler) => reconfig.subscribe(reconfig.contextListeners, handler),
    onMyUserContextChange: (handler) => reconfig.subscribe(reconfig.userListeners, handler),
    onMeeting: (handler) => listen<OnMeetingEvent>(sdk, 'onMeeting', (e) => handler({ action: e.action })),
    onBreakoutRoomChange: (handler) =>
      listen<OnBreakoutRoomChangeEvent>(sdk, 'onBreakoutRoomChange', (e) =>
        handler({ action: e.action, roomId: e.breakoutRoomUUID }),
      ),
    async getBreakoutRoomList() {
      try {
        return (await sdk.getBreakoutRoomList()).rooms.map((r) => ({ id: r.breakoutRoomId, name: r.name }));
      } catch (error) {
        // Breakout rooms are not open, so there are no rooms to name.
        if (hasZoomCode(error, ROOMS_NOT_OPEN_CODE)) return [];
        throw error;
      }
    },
    async connect() {
      await sdk.connect();
    },
    async postMessage(payload: JsonObject) {
      await sdk.postMessage(payload as JSONObject);
    },
    onMessage: (handler) => listen<OnMessageEvent>(sdk, 'onMessage', (e) => handler((e.payload ?? {}) as JsonObject)),
    onConnect: (handler) => listen<OnConnectEvent>(sdk, 'onConnect', (e) => handler({ action: e.action })),
    async authorize({ codeChallenge, state }) {
      await sdk.authorize({ codeChallenge, state });
    },
    onAuthorized: (handler) =>
      listen<OnAuthorizedEvent>(sdk, 'onAuthorized', (e) =>
        handler({
          code: e.code,
          result: e.result,
          redirectUri: e.redirectUri,
          ...(e.state === undefined ? {} : { state: e.state }),
        }),
      ),
    async promptAuthorize() {
      await sdk.promptAuthorize();
    },
    async expandApp(action) {
      await sdk.expandApp({ action });
    },
  };
}
