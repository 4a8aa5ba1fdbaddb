import { vi } from 'vitest';
import type { ServerToClientEvents, SessionView } from '@quorum/shared';
import type {
  ConnectionStatus,
  RealtimeLink,
  RequestName,
  RequestPayload,
  RequestResult,
} from '../realtime/realtime-link';
import type { SessionClient } from '../session/session-client';
import type { ZoomBreakoutRoom, ZoomConfig, ZoomParticipant, ZoomPort } from '../zoom/zoom-port';

type Handler = (...args: never[]) => void;

/** A tiny event hub for fakes: handlers by name, unsubscribe by return value. */
function hub() {
  const handlers = new Map<string, Set<Handler>>();
  return {
    on(name: string, handler: Handler) {
      const set = handlers.get(name) ?? new Set<Handler>();
      set.add(handler);
      handlers.set(name, set);
      return () => void set.delete(handler);
    },
    fire(name: string, ...args: unknown[]) {
      handlers.get(name)?.forEach((h) => (h as (...a: unknown[]) => void)(...args));
    },
  };
}

export interface PendingRequest {
  event: RequestName;
  payload: unknown;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** A RealtimeLink the test drives: it emits server events and answers requests by hand. */
export function createFakeLink() {
  const events = hub();
  const requests: PendingRequest[] = [];
  const link: RealtimeLink & { connected: boolean } = {
    connected: false,
    on: (event, handler) => events.on(event, handler as Handler),
    onStatus: (handler) => events.on('status', handler as Handler),
    request<E extends RequestName>(event: E, payload: RequestPayload<E>) {
      return new Promise<RequestResult<E>>((resolve, reject) =>
        requests.push({ event, payload, resolve: resolve as (r: unknown) => void, reject }),
      );
    },
    connect: vi.fn(() => {
      link.connected = true;
      events.fire('status', 'online' satisfies ConnectionStatus);
    }),
    reconnect: vi.fn(),
    close: vi.fn(),
  };
  const emit = <E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>) =>
    events.fire(event, ...args);
  return { link, requests, emit };
}

/** A ZoomPort with spies; `participants` is what getMeetingParticipants returns right now. */
export function createFakeZoom(config: Partial<ZoomConfig> = {}) {
  const events = hub();
  const state = { participants: [] as ZoomParticipant[], rooms: [] as ZoomBreakoutRoom[] };
  const fullConfig: ZoomConfig = {
    runningContext: 'inMeeting',
    unsupportedApis: [],
    clientVersion: '6.3.0',
    ...config,
  };
  const zoom: ZoomPort = {
    config: vi.fn(async () => fullConfig),
    renewConfig: vi.fn(async () => fullConfig),
    getUserContext: vi.fn(async () => ({
      participantUUID: 'me',
      screenName: 'Me',
      role: 'host' as const,
      status: 'authorized',
    })),
    getAppContext: vi.fn(async () => 'sealed-context'),
    getMeetingParticipants: vi.fn(async () => state.participants),
    onParticipantChange: (h) => events.on('participants', h),
    showNotification: vi.fn(async () => {}),
    sendAppInvitationToAllParticipants: vi.fn(async () => {}),
    sendAppInvitation: vi.fn(async () => {}),
    onRunningContextChange: (h) => events.on('context', h),
    onMyUserContextChange: (h) => events.on('user', h),
    onMeeting: (h) => events.on('meeting', h),
    onBreakoutRoomChange: (h) => events.on('breakout', h),
    getBreakoutRoomList: vi.fn(async () => state.rooms),
    connect: vi.fn(async () => {}),
    postMessage: vi.fn(async () => {}),
    onMessage: (h) => events.on('message', h),
    onConnect: (h) => events.on('connect', h),
    authorize: vi.fn(async () => {}),
    onAuthorized: (h) => events.on('authorized', h),
    promptAuthorize: vi.fn(async () => {}),
    expandApp: vi.fn(async () => {}),
  };
  return { zoom, state, fire: events.fire };
}

/** A session that starts at once with the given view. */
export function fakeSession(view: SessionView): SessionClient {
  return { token: () => 'token', view: () => view, start: async () => view, renew: async () => true };
}
