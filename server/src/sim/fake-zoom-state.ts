import { randomBytes, randomInt } from 'node:crypto';
import type { PkceMethod } from '../config';
import { verifierMatches } from '../zoom/pkce';

/** A person known to the fake cloud, shaped like `GET /users/me`. */
export interface FakeUser {
  id: string;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string;
  account_id: string;
  type: number;
}

/** A past-meeting participant row, shaped like `GET /past_meetings/{id}/participants`. */
export interface FakeParticipant {
  id: string;
  user_id: string;
  name: string;
  user_email: string;
  join_time: string;
  leave_time: string;
}

export interface FakeMeeting {
  id: number;
  uuid: string;
  topic: string;
  host_id: string;
  start_time: string;
  participants: FakeParticipant[];
}

/** The token endpoint's answer, or the OAuth error Zoom would send. */
export type TokenOutcome =
  | {
      ok: true;
      body: { access_token: string; token_type: 'bearer'; refresh_token: string; expires_in: number; scope: string };
    }
  | { ok: false; status: number; body: { reason: string; error: string } };

interface PendingCode {
  uid: string;
  redirectUri: string;
  challenge: string;
  method: PkceMethod;
  expiresAt: number;
}

/** Options of {@link FakeZoomState}. */
export interface FakeZoomStateOptions {
  accessTokenTtlSec?: number;
  now?: () => number;
}

/** Codes live five minutes, as Zoom documents. */
export const FAKE_CODE_TTL_MS = 5 * 60_000;
export const FAKE_SCOPES = 'meeting:read:meeting meeting:read:past_participants user:read:user zoomapp:inmeeting';

const token = (prefix: string) => `${prefix}.${randomBytes(24).toString('base64url')}`;
const invalidGrant = (reason: string): TokenOutcome => ({
  ok: false,
  status: 400,
  body: { reason, error: 'invalid_grant' },
});

/**
 * The fake cloud's memory: people, meetings, authorization codes (single-use, five minutes), access
 * tokens and rotating refresh tokens. In-memory on purpose: a dev restart starts a fresh "Zoom".
 */
export class FakeZoomState {
  readonly users = new Map<string, FakeUser>();
  readonly meetings = new Map<string, FakeMeeting>();
  /** Every Data Compliance API call the app made, oldest first. */
  readonly complianceReports: {
    client_id: string;
    user_id: string;
    account_id: string;
    compliance_completed: boolean;
    at: number;
  }[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private readonly access = new Map<string, { uid: string; expiresAt: number }>();
  private readonly refresh = new Map<string, string>();
  private readonly now: () => number;
  private readonly ttlSec: number;

  constructor(opts: FakeZoomStateOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.ttlSec = opts.accessTokenTtlSec ?? 3600;
  }

  /** The person with this id, created with made-up details on first sight. */
  user(uid: string, name?: string, email?: string): FakeUser {
    const known = this.users.get(uid);
    const display = name ?? known?.display_name ?? `Sim ${uid}`;
    const [first = display, ...rest] = display.split(' ');
    const user: FakeUser = {
      id: uid,
      first_name: first,
      last_name: rest.join(' '),
      display_name: display,
      email: email ?? known?.email ?? `${uid}@sim.zoom.test`,
      account_id: 'sim-account',
      type: 1,
    };
    this.users.set(uid, user);
    return user;
  }

  /** Issues a code for `uid`, as Zoom does when the user approves. */
  mintCode(p: { uid: string; redirectUri: string; codeChallenge: string; method: PkceMethod }): string {
    this.user(p.uid);
    const code = token('code');
    this.codes.set(code, {
      uid: p.uid,
      redirectUri: p.redirectUri,
      challenge: p.codeChallenge,
      method: p.method,
      expiresAt: this.now() + FAKE_CODE_TTL_MS,
    });
    return code;
  }

  /** authorization_code grant: the code is spent on the first try, right or wrong. */
  redeemCode(code: string, redirectUri: string, verifier: string): TokenOutcome {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.expiresAt <= this.now()) return invalidGrant('Invalid authorization code');
    if (pending.redirectUri !== redirectUri) return invalidGrant('Redirect URI mismatch');
    if (!verifierMatches(verifier, pending.challenge, pending.method)) return invalidGrant('Invalid code_verifier');
    return this.issue(pending.uid);
  }

  /** refresh_token grant with rotation: the old refresh token stops working. */
  rotate(refreshToken: string): TokenOutcome {
    const uid = this.refresh.get(refreshToken);
    this.refresh.delete(refreshToken);
    return uid === undefined ? invalidGrant('Invalid Token!') : this.issue(uid);
  }

  /** The user behind a live access token. */
  userFor(accessToken: string): string | undefined {
    const grant = this.access.get(accessToken);
    return grant && grant.expiresAt > this.now() ? grant.uid : undefined;
  }

  /** Every token of the user stops working (app removed, or a test's "revoked"). */
  revoke(uid: string): void {
    for (const [t, grant] of this.access) if (grant.uid === uid) this.access.delete(t);
    for (const [t, owner] of this.refresh) if (owner === uid) this.refresh.delete(t);
  }

  /** The user's access tokens expire now; refresh tokens stay valid. */
  expireAccess(uid: string): void {
    for (const grant of this.access.values()) if (grant.uid === uid) grant.expiresAt = 0;
  }

  /** The meeting by numeric id or UUID; registered with defaults when `createFor` names a host. */
  meeting(idOrUuid: string, createFor?: string): FakeMeeting | undefined {
    const found = this.meetings.get(idOrUuid) ?? [...this.meetings.values()].find((m) => String(m.id) === idOrUuid);
    if (found || createFor === undefined) return found;
    return this.upsertMeeting({ uuid: idOrUuid, hostId: createFor });
  }

  /** Registers or updates a meeting (the simulator, meeting.started). */
  upsertMeeting(p: { uuid: string; topic?: string; hostId?: string }): FakeMeeting {
    const known = this.meetings.get(p.uuid);
    const meeting: FakeMeeting = known ?? {
      id: randomInt(10_000_000_000, 99_999_999_999),
      uuid: p.uuid,
      topic: p.topic ?? 'Simulated meeting',
      host_id: p.hostId ?? 'sim-host',
      start_time: new Date(this.now()).toISOString(),
      participants: [],
    };
    if (p.topic !== undefined) meeting.topic = p.topic;
    if (p.hostId !== undefined) meeting.host_id = p.hostId;
    this.meetings.set(p.uuid, meeting);
    return meeting;
  }

  private issue(uid: string): TokenOutcome {
    const access = token('access');
    const refresh = token('refresh');
    this.access.set(access, { uid, expiresAt: this.now() + this.ttlSec * 1000 });
    this.refresh.set(refresh, uid);
    return {
      ok: true,
      body: {
        access_token: access,
        token_type: 'bearer',
        refresh_token: refresh,
        expires_in: this.ttlSec,
        scope: FAKE_SCOPES,
      },
    };
  }
}
