import { createContext, useContext } from 'react';
import type { MeetingController } from './realtime/meeting-controller';
import type { MeetingState } from './realtime/meeting-state';
import { useStore } from './realtime/store';
import type { SessionClient } from './session/session-client';
import { supportsApi, type ZoomConfig, type ZoomPort } from './zoom/zoom-port';

/** Zoom as the components see it: the port and the current config. */
export interface ZoomServices {
  zoom: ZoomPort;
  config: ZoomConfig;
}

/** The live meeting: only present once a session and a socket exist. */
export interface MeetingServices {
  controller: MeetingController;
  session: SessionClient;
}

export const ZoomContext = createContext<ZoomServices | null>(null);
export const MeetingContext = createContext<MeetingServices | null>(null);

function required<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} is missing: render inside its provider`);
  return value;
}

/** The ZoomPort and config of the running app. */
export const useZoom = (): ZoomServices => required(useContext(ZoomContext), 'ZoomContext');

/** The meeting controller and session. */
export const useMeeting = (): MeetingServices => required(useContext(MeetingContext), 'MeetingContext');

/** The meeting state, re-rendering on every change. */
export const useMeetingState = (): MeetingState => useStore(useMeeting().controller.store);

/** Whether this Zoom client offers an API (features hide themselves when not). */
export const useSupports = (api: string): boolean => supportsApi(useZoom().config, api);
