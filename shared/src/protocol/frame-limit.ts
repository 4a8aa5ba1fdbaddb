/**
 * The largest socket message the server reads (socket.io's `maxHttpBufferSize`). A bigger one is not
 * refused with an answer: the transport drops the whole connection. So the client measures first.
 */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** Room for socket.io's packet framing around the JSON (type digit, ack id, brackets). */
const FRAMING_BYTES = 32;

/** The bytes a request `[event, payload]` takes on the wire, as UTF-8 JSON plus framing. */
export function socketMessageBytes(event: string, payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify([event, payload])).length + FRAMING_BYTES;
}

/** The message's size when it would exceed the limit (the caller refuses it with INVALID), else undefined. */
export function oversizedMessage(event: string, payload: unknown, limit = MAX_SOCKET_MESSAGE_BYTES): { bytes: number; limit: number } | undefined {
  const bytes = socketMessageBytes(event, payload);
  return bytes > limit ? { bytes, limit } : undefined;
}
