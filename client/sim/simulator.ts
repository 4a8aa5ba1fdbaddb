import { API_HANDLERS } from './api-handlers';
import { createBridge, type Bridge, type FrameLookup } from './bridge';
import { createCallRouter, type CallContext } from './call-router';
import { startCloudSync } from './cloud-sync';
import { createMeeting, type Meeting } from './meeting-controller';
import { initialState } from './meeting-state';
import type { SimOptions } from './sim-options';
import { createStore } from './sim-store';
import type { Person } from './sim-types';
import { createZoomCloudClient, type ZoomCloudClient } from './zoom-cloud-client';

/** The wired simulator: meeting state, the bridge answering its frames, and the fake Zoom cloud it reports to. */
export interface Simulator {
  meeting: Meeting;
  bridge: Bridge;
  cloud: ZoomCloudClient;
}

/** What {@link createSimulator} needs from its surroundings (a page, or a test). */
export interface SimulatorDeps {
  host: Window;
  frames: FrameLookup;
  options: SimOptions;
  fetchContext: CallContext['fetchContext'];
  /** How the fake Zoom cloud at `/sim/zoom` is reached (the page's fetch by default). */
  cloudFetch?: typeof fetch;
  now?: () => number;
}

const OPEN_AT_START: Record<SimOptions['open'], (p: Person) => boolean> = {
  all: () => true,
  host: (p) => p.role === 'host',
  none: () => false,
};

/** Builds the meeting, routes every SDK call through Zoom's checks and logs the traffic. */
export function createSimulator(deps: SimulatorDeps): Simulator {
  const store = createStore(
    initialState(deps.options.meetingUuid, OPEN_AT_START[deps.options.open], deps.options.pkceMethod),
  );
  // The meeting pushes events through the bridge, which is created just below.
  const post = (key: string, name: string, data: unknown) => bridge.emit(key, name, data);
  const meeting = createMeeting(store, { post, now: deps.now ?? Date.now, toastMs: deps.options.toastMs });
  const cloud = createZoomCloudClient({
    ...(deps.cloudFetch ? { fetch: deps.cloudFetch } : {}),
    onError: (what, message) =>
      meeting.log({ paneKey: 'zoom-cloud', kind: 'call', api: what, error: { code: 'SIM', message } }),
  });
  startCloudSync(store, cloud);
  const route = createCallRouter(meeting, API_HANDLERS, {
    options: deps.options,
    fetchContext: deps.fetchContext,
    cloud,
  });
  const bridge = createBridge({
    host: deps.host,
    frames: deps.frames,
    handle: route,
    onCall(paneKey, request, outcome) {
      const base = { paneKey, kind: 'call' as const, api: request.apiName, args: request.data };
      meeting.log(
        outcome.ok
          ? { ...base, result: outcome.result }
          : { ...base, error: { code: outcome.errorCode, message: outcome.errorMessage } },
      );
    },
  });
  return { meeting, bridge, cloud };
}
