import type { QuorumServer } from './types';

/**
 * Tells every live socket of `uid`, on every process (fetchSockets goes through the cluster adapter),
 * that its session is void, then closes it. The notice is queued before the close, so it arrives first.
 */
export async function disconnectUserSockets(io: QuorumServer, uid: string): Promise<number> {
  const theirs = (await io.fetchSockets()).filter((socket) => socket.data.session?.uid === uid);
  for (const socket of theirs) {
    socket.emit('session:revoked', { reason: 'deauthorized' });
    socket.disconnect(true);
  }
  return theirs.length;
}
