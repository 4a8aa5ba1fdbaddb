import type { Session } from '../session/session-token';
import type { Store } from '../store/types';
import { userPseudonym } from '../zoom/pseudonym';

/**
 * How long a revocation line is kept: at least the longest session life (older sessions are dead
 * anyway), and 30 days so a user who comes back still gets their old ballots back (Deauthorization).
 */
const MIN_RETENTION_MS = 30 * 24 * 3600_000;

/** What {@link SessionRevocations} needs; `sessionTtlMs` is the longest a session lives. */
export interface SessionRevocationsDeps {
  store: Store;
  key: string;
  sessionTtlMs: number;
  now?: () => number;
}

/**
 * Voids the sessions of a user before their expiry (they removed the app). Sessions are signed and
 * stateless, so each request's session is checked against an in-memory line per user ("issued at or
 * before this time, no longer"), kept in the database under a pseudonym so a restart, or another
 * process after {@link reload}, knows it too. Lines are dropped after 30 days (or the longest session
 * life, if longer).
 */
export class SessionRevocations {
  private readonly lines = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly deps: SessionRevocationsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** True when `session` belongs to a user whose sessions were revoked after it was issued. */
  isRevoked(session: Session): boolean {
    if (session.uid === undefined || this.lines.size === 0) return false;
    const line = this.lines.get(userPseudonym(session.uid, this.deps.key));
    return line !== undefined && (session.iat ?? 0) <= line;
  }

  /** True when `uid` had their sessions revoked within the longest session life. */
  wasRevoked(uid: string): boolean {
    return this.lines.size > 0 && this.lines.has(userPseudonym(uid, this.deps.key));
  }

  /** Voids every session of `uid` issued until now; a later context makes a valid one again. */
  async revoke(uid: string): Promise<void> {
    const at = this.now();
    const subject = userPseudonym(uid, this.deps.key);
    this.lines.set(subject, Math.max(at, this.lines.get(subject) ?? 0));
    await this.deps.store.sessionRevocations.revoke(subject, at);
    await this.deps.store.sessionRevocations.purgeBefore(at - this.retentionMs());
  }

  /** Reads the lines still in force from the database (start-up, and a timer when several processes run). */
  async reload(): Promise<void> {
    const oldest = this.now() - this.retentionMs();
    const rows = await this.deps.store.sessionRevocations.listSince(oldest);
    for (const { subject, revokedAt } of rows)
      this.lines.set(subject, Math.max(revokedAt, this.lines.get(subject) ?? 0));
    for (const [subject, at] of this.lines) if (at < oldest) this.lines.delete(subject);
  }

  private retentionMs(): number {
    return Math.max(this.deps.sessionTtlMs, MIN_RETENTION_MS);
  }
}
