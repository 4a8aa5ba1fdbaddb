import type { Role } from '@quorum/shared';
import type { Session } from './session-token';

/** Past this many entries, a record also drops the expired ones. */
const PURGE_ABOVE = 10_000;

const keyOf = (session: Pick<Session, 'meetingId' | 'voterId'>): string => `${session.meetingId}\n${session.voterId}`;

/**
 * The role of each voter's newest session in each meeting, as the last sealed context said. A socket
 * or token opened under an older context (a host since demoted) must not keep powers Zoom took away.
 * In-process: with REDIS_URL an instance sees only the sessions it issued itself.
 */
export class LatestRoles {
  private readonly roles = new Map<string, { role: Role; exp: number }>();
  private readonly listeners = new Set<(session: Session) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A session was just issued from a fresh context: its role is now the voter's role in the meeting. */
  record(session: Session): void {
    const key = keyOf(session);
    const before = this.of(session);
    this.roles.delete(key); // re-inserted last, so the purge below walks oldest first
    this.roles.set(key, { role: session.role, exp: session.exp });
    if (this.roles.size > PURGE_ABOVE) this.purge();
    if (before !== undefined && before !== session.role) this.listeners.forEach((listener) => listener(session));
  }

  /** Calls `listener` with the new session whenever a voter's role in a meeting changed; returns the unsubscribe. */
  onChange(listener: (session: Session) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The role the voter's newest unexpired session has, or undefined when this process issued none. */
  of(session: Pick<Session, 'meetingId' | 'voterId'>): Role | undefined {
    const entry = this.roles.get(keyOf(session));
    return entry && entry.exp > this.now() ? entry.role : undefined;
  }

  private purge(): void {
    const now = this.now();
    for (const [key, entry] of this.roles) if (entry.exp <= now) this.roles.delete(key);
  }
}
