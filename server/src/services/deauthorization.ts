import type { Store } from '../store/types';
import type { DeauthorizedPayload } from '../zoom/webhook-events';
import { erasedVoterId } from '../zoom/pseudonym';
import type { BallotService } from './ballot-service';
import type { QaService } from './qa-service';
import type { SessionRevocations } from './session-revocations';

/** What {@link Deauthorization} needs; `reportCompliance` is set only when ZOOM_DATA_COMPLIANCE_CALL is on. */
export interface DeauthorizationDeps {
  store: Store;
  ballots: Pick<BallotService, 'transferBallots'>;
  revocations: SessionRevocations;
  /** Tells the other processes to re-read the revocation lines (several processes only). */
  announceRevocation?: () => void;
  /** Tells the user's live sockets (every process) their session is void and hangs up; returns how many. */
  disconnectUser: (uid: string) => Promise<number>;
  reportCompliance?: (payload: DeauthorizedPayload) => Promise<void>;
  /** Drops this process's cached Q&A boards: the erase re-keyed their rows underneath. */
  forgetCachedQa?: () => void;
  /** Moves Q&A questions and upvotes back from the pseudonym when the user returns. */
  qa?: Pick<QaService, 'transferVoter'>;
  /** The key of the stable pseudonym the user's ballots are kept under. */
  key: string;
  log: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * `app_deauthorized`: the user removed Quorum from their Zoom account. In this order, so nothing of
 * theirs can be written while it runs:
 * 1. their sessions are void (bearer tokens, cookies and new socket handshakes fail from now on);
 * 2. their live sockets get `session:revoked` and are closed;
 * 3. their ballots move, meeting by meeting, to a stable pseudonym (HMAC of the user id) as counted
 *    changes, so results keep them, live turnout stays right, and the slot stays taken: a second
 *    ballot in a poll that forbids changes collides with the one-ballot key (and should they add the
 *    app again, their ballots move back to them on sign-in, see {@link reclaimBallots});
 * 4. everything else of theirs is erased in one transaction (tokens, profile, templates, personal
 *    space, attendance, meeting host, report deliveries, stored webhook payloads, change-log copies;
 *    their Q&A questions and upvotes are re-keyed to the pseudonym);
 * 5. Zoom's Data Compliance API is told, when configured.
 */
export class Deauthorization {
  constructor(private readonly deps: DeauthorizationDeps) {}

  async run(payload: DeauthorizedPayload): Promise<void> {
    const uid = payload.user_id;
    await this.deps.revocations.revoke(uid);
    this.deps.announceRevocation?.();
    const sockets = await this.deps.disconnectUser(uid);
    const pseudonym = erasedVoterId(uid, this.deps.key);
    let ballots = 0;
    for (const meetingId of await this.deps.store.ballots.meetingsOfVoter(`u:${uid}`)) {
      ballots += await this.deps.ballots.transferBallots(`u:${uid}`, pseudonym, meetingId);
    }
    await this.deps.store.zoomUsers.erase(uid, pseudonym);
    this.deps.forgetCachedQa?.();
    this.deps.log('deauthorized user erased', { sockets, ballots });
    if (!this.deps.reportCompliance) return;
    try {
      await this.deps.reportCompliance(payload);
    } catch (error) {
      // The data is gone either way; retrying the event would find nothing left to name the user by.
      this.deps.log('data compliance call failed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * A user who removed the app and signs in again gets their pseudonymous ballots back in this
   * meeting, so the one-ballot rule holds across the return (only users with a revocation line on
   * record, so other sign-ins cost nothing).
   */
  async reclaimBallots(uid: string, voterId: string, meetingId: string): Promise<void> {
    if (!this.deps.revocations.wasRevoked(uid)) return;
    const pseudonym = erasedVoterId(uid, this.deps.key);
    await this.deps.ballots.transferBallots(pseudonym, voterId, meetingId);
    await this.deps.qa?.transferVoter(pseudonym, voterId, meetingId);
  }
}
