import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FrameRegistry } from './frame-registry';
import type { Meeting } from './meeting-controller';
import type { SimState } from './sim-types';
import type { ZoomCloudClient } from './zoom-cloud-client';

/** What the components share: the meeting, the frame registry the bridge reads, and the fake Zoom cloud. */
export interface SimHandle {
  meeting: Meeting;
  frames: FrameRegistry;
  cloud: ZoomCloudClient;
}

/** Provided once by main.tsx. */
export const SimContext = createContext<SimHandle | null>(null);

/** The simulator handle; throws outside the provider. */
export function useSim(): SimHandle {
  const sim = useContext(SimContext);
  if (!sim) throw new Error('useSim needs <SimContext.Provider>');
  return sim;
}

/** The current state, re-rendering on every change. */
export function useSimState(): SimState {
  const { meeting } = useSim();
  return useSyncExternalStore(meeting.store.subscribe, meeting.store.get);
}
