import type { SessionEnded } from '@quorum/shared';
import type { Session } from '../session/session-token';
import { ExpirySchedule } from './expiry-schedule';
import { meetingRoom } from './rooms';
import type { QuorumServer, QuorumSocket } from './types';

export interface SessionGuardOptions {
  /** The role of the voter's newest session in the meeting (see LatestRoles). */
  latestRole: (session: Session) => Session['role'] | undefined;
  now?: () => number;
}

/**
 * Keeps a live socket as valid as its session: it ends when the session expires (on one shared
 * timer, so an idle socket stops receiving too), and when a newer context gives the person another role (a
 * demoted host keeps no host powers and leaves the hosts' room by reconnecting).
 */
export class SessionGuard {
  private readonly now: () => number;
  /** Every watched socket's expiry, on one timer for the process. */
  private readonly expiring: ExpirySchedule<QuorumSocket>;
  /** One disconnect listener shared by every socket (socket.io calls it with the socket as `this`). */
  private readonly forget: (this: QuorumSocket) => void;

  constructor(private readonly options: SessionGuardOptions) {
    this.now = options.now ?? Date.now;
    this.expiring = new ExpirySchedule((sockets) => sockets.forEach((socket) => this.expired(socket)), this.now);
    const { expiring } = this;
    this.forget = function (this: QuorumSocket) {
      expiring.remove(this);
    };
  }

  private expired(socket: QuorumSocket): void {
    if (!socket.connected) return;
    const why = this.ended(socket);
    if (why) this.end(socket, why);
    else this.expiring.add(socket, socket.data.session.exp);
  }

  /** At the handshake: the session with its voter's newest role (a token issued before a demotion says host). */
  current(session: Session): Session {
    const role = this.options.latestRole(session);
    return role === undefined || role === session.role ? session : { ...session, role };
  }

  /** Why the socket's session no longer holds, or undefined while it does. */
  ended(socket: QuorumSocket): SessionEnded | undefined {
    const { session } = socket.data;
    if (session.exp <= this.now())
      return { code: 'SESSION_EXPIRED', message: 'your Quorum session expired; reconnecting with a fresh one' };
    const role = this.options.latestRole(session);
    if (role !== undefined && role !== session.role)
      return { code: 'ROLE_CHANGED', message: `Zoom says your role is now ${role}; reconnecting` };
    return undefined;
  }

  /** Ends the socket when its session expires, even if it never sends anything. */
  watch(socket: QuorumSocket): void {
    this.expiring.add(socket, socket.data.session.exp);
    socket.once('disconnect', this.forget);
  }

  /** A voter's role changed: ends their sockets in that meeting on this process now, not at their next request. */
  roleChanged(io: QuorumServer, session: Session): void {
    for (const id of io.of('/').adapter.rooms.get(meetingRoom(session.meetingId)) ?? []) {
      const socket = io.of('/').sockets.get(id);
      if (socket?.data.session.voterId !== session.voterId) continue;
      const why = this.ended(socket);
      if (why) this.end(socket, why);
    }
  }

  /** Tells the client why, then hangs up once the pending ack has gone out. */
  end(socket: QuorumSocket, why: SessionEnded): void {
    socket.emit('session:ended', why);
    setImmediate(() => socket.disconnect(true));
  }
}
