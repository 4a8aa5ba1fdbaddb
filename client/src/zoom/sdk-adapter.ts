import zoomSdk from '@zoom/appssdk';
import type { ConfigResponse, JSONObject, OnAuthorizedEvent, OnBreakoutRoomChangeEvent, OnConnectEvent, OnMeetingEvent, OnMessageEvent, OnMyUserContextChangeEvent } from '@zoom/appssdk';
import { normalizeRole } from '@quorum/shared';
import { CONFIG_TIMEOUT_MS, ZOOM_CAPABILITIES, ZOOM_POPOUT_SIZE, ZOOM_SDK_VERSION } from './capabilities';
import { inviteInBatches } from './invite-batches';
import { ConfigTimeoutError, hasZoomCode, isDoNotDisturb, isNotInZoomFailure, ROOMS_NOT_OPEN_CODE, withTimeout } from './zoom-errors';
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

/** Calls config with our capabilities; a missing Zoom host becomes NotInZoomError. */
async function configure(sdk: Sdk): Promise<ZoomConfig> {
  try {
    // Our own deadline instead of config's `timeout`, which would also shorten every later call.
    const response = await withTimeout(
      sdk.config({ version: ZOOM_SDK_VERSION, capabilities: [...ZOOM_CAPABILITIES], popoutSize: { ...ZOOM_POPOUT_SIZE } }),
      CONFIG_TIMEOUT_MS,
      () => new ConfigTimeoutError(`Zoom did not answer within ${CONFIG_TIMEOUT_MS} ms`),
    );
    return toConfig(response);
  } catch (error) {
    if (isNotInZoomFailure(error)) throw new NotInZoomError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** Keeps the config current: Zoom binds it to the context, so it must be renewed after either change. */
function createReconfigurer(sdk: Sdk) {
  let current: ZoomConfig | null = null;
  let listening = false;
  const contextListeners = new Set<(config: ZoomConfig) => void>();
  const userListeners = new Set<(change: { role: ReturnType<typeof normalizeRole>; screenName: string }, config: ZoomConfig) => void>();

  const refresh = async (): Promise<ZoomConfig> => {
    try {
      current = await configure(sdk);
    } catch {
      // Keep the last good config: a failed renewal should not take the open app down.
    }
    if (!current) throw new NotInZoomError('Zoom config is unavailable');
    return current;
  };

  const start = async (): Promise<ZoomConfig> => {
    const config = await configure(sdk);
    current = config;
    if (!listening) {
      listening = true;
      listen<unknown>(sdk, 'onRunningContextChange', () => {
        void refresh().then((c) => contextListeners.forEach((h) => h(c)));
      });
      listen<OnMyUserContextChangeEvent>(sdk, 'onMyUserContextChange', (event) => {
        const change = { role: normalizeRole(event.role), screenName: event.screenName };
        void refresh().then((c) => userListeners.forEach((h) => h(change, c)));
      });
    }
    return config;
  };

  const subscribe = <H>(set: Set<H>, handler: H): Unsubscribe => {
    set.add(handler);
    return () => set.delete(handler);
  };

  return { start, contextListeners, userListeners, subscribe };
}

/** The ZoomPort backed by the real `@zoom/appssdk` (the only module that imports it). */
export function createSdkAdapter(sdk: Sdk = zoomSdk): ZoomPort {
  const reconfig = createReconfigurer(sdk);
  return {
    config: reconfig.start,
    async getUserContext() {
      const user = await sdk.getUserContext();
      return { participantUUID: user.participantUUID, screenName: user.screenName, role: normalizeRole(user.role), status: user.status };
    },
    async getMeetingUUID() {
      return (await sdk.getMeetingUUID()).meetingUUID;
    },
    async getAppContext() {
      return (await sdk.getAppContext()).context;
    },
    async getMeetingParticipants() {
      const { participants } = await sdk.getMeetingParticipants();
      return participants.map((p) => ({ participantUUID: p.participantUUID, screenName: p.screenName, role: normalizeRole(p.role) }));
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
    async sendAppInvitation({ participantUUIDs }) {
      await inviteInBatches((batch) => sdk.sendAppInvitation({ participantUUIDs: batch }), participantUUIDs);
    },
    onRunningContextChange: (handler) => reconfig.subscribe(reconfig.contextListeners, handler),
    onMyUserContextChange: (handler) => reconfig.subscribe(reconfig.userListeners, handler),
    onMeeting: (handler) => listen<OnMeetingEvent>(sdk, 'onMeeting', (e) => handler({ action: e.action })),
    onBreakoutRoomChange: (handler) =>
      listen<OnBreakoutRoomChangeEvent>(sdk, 'onBreakoutRoomChange', (e) => handler({ action: e.action, roomId: e.breakoutRoomUUID })),
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
        handler({ code: e.code, result: e.result, redirectUri: e.redirectUri, ...(e.state === undefined ? {} : { state: e.state }) }),
      ),
    async promptAuthorize() {
      await sdk.promptAuthorize();
    },
    async expandApp(action) {
      await sdk.expandApp({ action });
    },
  };
}
