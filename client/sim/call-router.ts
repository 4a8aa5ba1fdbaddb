import type { BridgeOutcome, BridgeRequest } from './bridge';
import { policyError } from './api-policy';
import type { Meeting } from './meeting-controller';
import { personOf, runningContextOf } from './meeting-state';
import type { SimOptions } from './sim-options';
import type { PaneState, Person, SimState } from './sim-types';
import type { ZoomCloudClient } from './zoom-cloud-client';
import { ZOOM_ERRORS, ZoomError, type ZoomErrorKey } from './zoom-errors';

/** What an API handler gets: the caller's instance and person, and the meeting to act on. */
export interface CallContext {
  data: unknown;
  pane: PaneState;
  person: Person;
  meeting: Meeting;
  options: SimOptions;
  /** Fetches a sealed app context from the dev server (injectable for tests). */
  fetchContext(body: object): Promise<string>;
  /** The dev server's fake Zoom cloud (OAuth codes for authorize). */
  cloud: ZoomCloudClient;
}

/** Answers one API in native wire shape, or throws a {@link ZoomError}. */
export type ApiHandler = (call: CallContext) => unknown;

const failure = (key: ZoomErrorKey, message: string = ZOOM_ERRORS[key].message): BridgeOutcome => ({
  ok: false,
  errorCode: ZOOM_ERRORS[key].code,
  errorMessage: message,
});

/** APIs this person cannot use right now: switched off, or outside their role, guest mode or context. */
export function unavailableApis(state: SimState, person: Person, pane: PaneState, apis: readonly string[]): string[] {
  return apis.filter(
    (api) =>
      state.disabledApis.includes(api) ||
      policyError(api, person, runningContextOf(state.meeting, pane), state.meeting) !== undefined,
  );
}

// The checks a real client makes before running an API, in the order that gives the most useful error.
function gate(api: string, state: SimState, pane: PaneState, person: Person, known: boolean): ZoomErrorKey | undefined {
  if (api === 'config') return undefined;
  if (!known) return 'SIM_NOT_IMPLEMENTED';
  // endSyncData exists precisely for the moments after the meeting has ended.
  if (state.meeting.ended && pane.ctx === 'inMeeting' && api !== 'endSyncData') return 'MEETING_NOT_READY';
  if (state.disabledApis.includes(api)) return 'API_DISABLED';
  if (state.enforceCapabilities && !(pane.capabilities ?? []).includes(api)) return 'NOT_IN_CAPABILITIES';
  return policyError(api, person, runningContextOf(state.meeting, pane), state.meeting);
}

/** Routes bridge requests to `handlers` after Zoom's permission checks. */
export function createCallRouter(
  meeting: Meeting,
  handlers: Readonly<Record<string, ApiHandler>>,
  deps: Pick<CallContext, 'options' | 'fetchContext' | 'cloud'>,
) {
  return async (key: string, request: BridgeRequest): Promise<BridgeOutcome> => {
    const state = meeting.state();
    const pane = state.panes[key as PaneState['key']];
    const person = pane && personOf(state, pane);
    if (!pane || !person) return failure('GENERIC', `${ZOOM_ERRORS.GENERIC.message} [simulator: unknown pane ${key}]`);
    const handler = handlers[request.apiName];
    const denied = gate(request.apiName, state, pane, person, handler !== undefined);
    if (denied || !handler) return failure(denied ?? 'SIM_NOT_IMPLEMENTED');
    try {
      const result = await handler({ data: request.data, pane, person, meeting, ...deps });
      return { ok: true, result };
    } catch (error) {
      if (error instanceof ZoomError) return failure(error.key, error.message);
      return failure('GENERIC', `${ZOOM_ERRORS.GENERIC.message} [simulator: ${String(error)}]`);
    }
  };
}
