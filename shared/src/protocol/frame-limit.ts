/**
 * The largest socket request the server handles; a bigger one is answered INVALID naming this limit.
 * The transport itself (socket.io's `maxHttpBufferSize`) reads up to TRANSPORT_MESSAGE_BYTES and
 * drops the connection beyond, with no answer possible, so the client measures before sending.
 */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
/** What the transport reads at most: room above the limit, so a request a little over it still gets an answer. */
export const TRANSPORT_MESSAGE_BYTES = 2 * MAX_SOCKET_MESSAGE_BYTES;

/** Room for socket.io's packet framing around the JSON (type digit, ack id, brackets). */
const FRAMING_BYTES = 32;

/** The bytes a request `[event, payload]` takes on the wire, as UTF-8 JSON plus framing. */
export function socketMessageBytes(event: string, payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify([event, payload])).length + FRAMING_BYTES;
}

/** The message's size when it would exceed the limit (the caller refuses it with INVALID), else undefined. */
export function oversizedMessage(
  event: string,
  payload: unknown,
  limit = MAX_SOCKET_MESSAGE_BYTES,
): { bytes: number; limit: number } | undefined {
  const bytes = socketMessageBytes(event, payload);
  return bytes > limit ? { bytes, limit } : undefined;
}
