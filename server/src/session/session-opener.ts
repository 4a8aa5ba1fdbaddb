import { ok, type Result } from '@quorum/shared';
import type { Config } from '../config';
import { decryptAppContext } from '../zoom/app-context';
import { randomGuestId, sessionFromContext, type Session } from './session-token';

/** What happens around opening a session, beyond deriving it from the context. */
export interface SessionOpenerOptions {
  config: Config;
  now?: () => number;
  /** A guest session of this page gained a Zoom user id in the same meeting: their ballots follow. */
  onGuestSignedIn?: (guestVoterId: string, userVoterId: string, meetingId: string) => Promise<unknown>;
  /** A signed-in user's session was made (a user who removed the app and came back gets their ballots back). */
  onUserSession?: (uid: string, voterId: string, meetingId: string) => Promise<unknown>;
}

/** Turns a sealed Zoom app context into a session: the one way in, for the Home URL and `POST /api/session` alike. */
export interface SessionOpener {
  /**
   * `existing` is the session this page already holds (its bearer token), never one from a cookie:
   * a cookie jar may be shared by several people (the simulator frames everyone in one browser).
   */
  open(sealed: string, existing: Session | undefined): Promise<Result<Session>>;
}

/**
 * True when this page's guest session now comes with a Zoom user id in the same meeting (the guest
 * added the app through promptAuthorize): the ballots they cast as a guest become the user's.
 */
const signedInGuest = (existing: Session | undefined, next: Session): existing is Session =>
  existing !== undefined &&
  existing.uid === undefined &&
  next.uid !== undefined &&
  existing.meetingId === next.meetingId;

/** Creates the app's {@link SessionOpener}. */
export function createSessionOpener(opts: SessionOpenerOptions): SessionOpener {
  const { config } = opts;
  const now = opts.now ?? Date.now;
  return {
    async open(sealed, existing) {
      const at = now();
      const ctx = decryptAppContext(sealed, config.zoomClientSecret, at, config.zoomClientId, {
        maxLifetimeMs: config.zoomAppContextMaxLifetimeSec * 1000,
      });
      if (!ctx.ok) return ctx;
      const session = sessionFromContext(ctx.data, at, config.sessionTtlSec * 1000, randomGuestId, existing);
      if (signedInGuest(existing, session))
        await opts.onGuestSignedIn?.(existing.voterId, session.voterId, session.meetingId);
      if (session.uid !== undefined) await opts.onUserSession?.(session.uid, session.voterId, session.meetingId);
      return ok(session);
    },
  };
}
