// The native side of the @zoom/appssdk postMessage transport (zoom-platform.md §2): requests arrive
// from a framed app as JSON strings; replies and events go back as plain objects.

/** What the SDK posts: `JSON.stringify({jsCallId, apiName, data?})`. */
export interface BridgeRequest {
  jsCallId: string;
  apiName: string;
  data?: unknown;
}

/** A handled call: a result in native shape, or a Zoom error (codes travel as strings). */
export type BridgeOutcome = { ok: true; result: unknown } | { ok: false; errorCode: string; errorMessage: string };

/** Maps frames to pane keys and back. */
export interface FrameLookup {
  keyFor(source: MessageEventSource | null): string | undefined;
  windowFor(key: string): Window | undefined;
}

/** Options for {@link createBridge}. */
export interface BridgeOptions {
  /** The window the frames post to (the simulator page). */
  host: Window;
  frames: FrameLookup;
  handle(paneKey: string, request: BridgeRequest): Promise<BridgeOutcome>;
  /** Sees every answered call, for the debug log. */
  onCall?(paneKey: string, request: BridgeRequest, outcome: BridgeOutcome): void;
}

/** A running bridge. */
export interface Bridge {
  /** Pushes `{type:'event', name, data}` to a pane; false when the pane has no live frame. */
  emit(paneKey: string, name: string, data: unknown): boolean;
  dispose(): void;
}

/** Parses a frame's message; anything that is not an SDK request yields undefined. */
export function parseRequest(raw: unknown): BridgeRequest | undefined {
  if (typeof raw !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { jsCallId, apiName, data } = value as Record<string, unknown>;
  if (typeof jsCallId !== 'string' || typeof apiName !== 'string') return undefined;
  return data === undefined ? { jsCallId, apiName } : { jsCallId, apiName, data };
}

/** The reply message for an outcome, exactly as the native clients send it. */
export function apiResponse(jsCallId: string, outcome: BridgeOutcome) {
  const data = outcome.ok
    ? { jsCallId, result: outcome.result }
    : { jsCallId, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage };
  return { type: 'apiResponse' as const, data };
}

/** Starts answering SDK requests posted to `host` by the frames `frames` knows. */
export function createBridge(opts: BridgeOptions): Bridge {
  const onMessage = (ev: MessageEvent) => {
    const paneKey = opts.frames.keyFor(ev.source);
    if (paneKey === undefined) return;
    const request = parseRequest(ev.data);
    if (!request) return;
    void answer(paneKey, request);
  };

  const answer = async (paneKey: string, request: BridgeRequest) => {
    const outcome = await opts
      .handle(paneKey, request)
      .catch((error: unknown): BridgeOutcome => ({ ok: false, errorCode: '10001', errorMessage: String(error) }));
    opts.onCall?.(paneKey, request, outcome);
    // The frame may have been closed or reloaded while the call was in flight.
    opts.frames.windowFor(paneKey)?.postMessage(apiResponse(request.jsCallId, outcome), '*');
  };

  opts.host.addEventListener('message', onMessage);
  return {
    emit(paneKey, name, data) {
      const target = opts.frames.windowFor(paneKey);
      target?.postMessage({ type: 'event', name, data }, '*');
      return target !== undefined;
    },
    dispose: () => opts.host.removeEventListener('message', onMessage),
  };
}
