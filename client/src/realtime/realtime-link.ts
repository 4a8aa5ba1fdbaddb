import type { RequestInput, RequestName, RequestOutput, Result, ServerToClientEvents } from '@quorum/shared';

/** The requests the client can make, each answered by an ack (shared/src/protocol/requests.ts). */
export type { RequestName };
export type RequestPayload<E extends RequestName> = RequestInput<E>;
/** The `Result<T>` the server acks a request with. */
export type RequestResult<E extends RequestName> = Result<RequestOutput<E>>;
/** The data of a successful ack. */
export type RequestData<E extends RequestName> = RequestOutput<E>;

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** Why a request got no answer (offline or timed out): unlike an error ack, it is worth retrying. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
}

/**
 * The realtime channel as the app sees it: typed server events, requests with acks, connection status.
 * The socket.io implementation lives in socket-link.ts; tests use a fake.
 */
export interface RealtimeLink {
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void;
  onStatus(handler: (status: ConnectionStatus, detail?: string) => void): () => void;
  /** Resolves with the server's ack; rejects with TransportError when no ack came. */
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>>;
  readonly connected: boolean;
  connect(): void;
  /** Drops and reopens the connection, e.g. with a new session token. */
  reconnect(): void;
  close(): void;
}
