import type { Ballot, MeetingSettings, Poll, PollDraft, QaQuestion, QaSettings, RecastOutcome } from '@quorum/shared';

/**
 * Persistence seen by the services. Every method is async so the SQLite (embedded default) and
 * PostgreSQL (scale-out) implementations share one contract and one test suite.
 */
export interface PollRepository {
  insert(poll: Poll): Promise<void>;
  /** Overwrites the stored poll (status, content, run…). */
  update(poll: Poll): Promise<void>;
  /** Deletes the poll and all of its ballots. */
  delete(pollId: string): Promise<void>;
  get(pollId: string): Promise<Poll | undefined>;
  /** The meeting's polls, oldest first. */
  listByMeeting(meetingId: string): Promise<Poll[]>;
  /** Open polls with a deadline, across meetings: the timer restores these after a restart. */
  listOpenWithDeadline(): Promise<Poll[]>;
}

/** One ballot to write, with the rule the poll sets for a second answer. */
export interface BallotWrite {
  ballot: Ballot;
  allowAnswerChange: boolean;
}

/**
 * A write refused because, under the lock its transaction took on the poll, the ballot's run was not
 * the poll's open run (closed, relaunched or deleted): the close committed first, so it must not count.
 */
export type ClosedOutcome = { kind: 'closed'; ballot: Ballot };

/** The outcome of one write plus the run's tally version after it (grows with every counted change). */
export type BallotWriteResult = (RecastOutcome | ClosedOutcome) & { tallyVersion: number };

export interface BallotRepository {
  /**
   * Writes many ballots in ONE transaction and returns one outcome per write, in order, only after
   * commit. Uniqueness per (poll, run, question, voter) is enforced by the database; the same
   * `clientBallotId` from the same voter returns the stored ballot (`duplicate`). A ballot whose run
   * is not open when the transaction locks its poll is `closed` and written nowhere; the others of
   * the batch are not affected.
   */
  writeMany(writes: readonly BallotWrite[]): Promise<BallotWriteResult[]>;
  /** Every ballot of one run of a poll. */
  listForRun(pollId: string, run: number): Promise<Ballot[]>;
  /** One voter's ballots for the current runs of the given polls (for the snapshot). */
  listForVoter(voterId: string, polls: readonly Pick<Poll, 'id' | 'run'>[]): Promise<Ballot[]>;
  /** The stored tally version of a run (0 when nothing was counted yet). */
  tallyVersion(pollId: string, run: number): Promise<number>;
  /**
   * Writes the ballots of one survey submission in ONE transaction, all or nothing: when any write
   * would be rejected (a changed answer where changes are not allowed), or its run is not open,
   * nothing is written.
   */
  writeAtomically(writes: readonly BallotWrite[]): Promise<AtomicWriteResult>;
  /** One ballot of a run by its id. */
  get(pollId: string, run: number, ballotId: string): Promise<Ballot | undefined>;
  /**
   * Sets a ballot's hidden flag and returns the run's tally version after the change. A counted change
   * (logged like any other); an unknown ballot or an unchanged flag changes nothing and returns the
   * current version.
   */
  setHidden(pollId: string, run: number, ballotId: string, hidden: boolean): Promise<number>;
  /**
   * The run's counted changes with a version above `afterVersion`, oldest first: applying each as
   * `tally.apply(ballot, previous)` brings a running tally at `afterVersion` to the newest version. The
   * log is complete from version 1 for runs counted since it exists, until `compactChanges` takes
   * superseded entries out; a reader that gets versions other than `afterVersion + 1, + 2, …` (a
   * late first version or a gap) must recount from `listForRun` instead.
   */
  changesSince(pollId: string, run: number, afterVersion: number): Promise<BallotChange[]>;
  /**
   * Retention: deletes the run's changes up to `throughVersion` that a later change of the same voter
   * and question superseded; each slot's newest change and everything after `throughVersion` stay.
   * Nothing is rewritten, so every contiguous stretch of the log still replays exactly, and a reader
   * whose range crosses a deleted version sees the gap and recounts. Returns how many were deleted.
   */
  compactChanges(pollId: string, run: number, throughVersion: number): Promise<number>;
  /**
   * Gives `from`'s ballots in one meeting's polls to `to`, in ONE transaction, each a counted change
   * (`previous` the ballot under `from`): a guest who signs in keeps their vote, and only one. A slot
   * (poll, run, question) that `to` already holds keeps `to`'s ballot; `from`'s stays where it was.
   */
  transferVoter(from: string, to: string, meetingId: string): Promise<BallotTransfer[]>;
  /** The meetings in whose polls `voterId` holds a ballot (deauthorization moves them meeting by meeting). */
  meetingsOfVoter(voterId: string): Promise<string[]>;
}

/** One ballot moved to another voter by `transferVoter`, at the run's new tally version. */
export interface BallotTransfer {
  before: Ballot;
  after: Ballot;
  version: number;
}

/** One counted change of a run: the ballot after it and, for a replacement or a hide, the one before. */
export interface BallotChange {
  version: number;
  ballot: Ballot;
  previous?: Ballot;
}

/** The outcome of `writeAtomically`: every result, the index of the write that was refused, or a closed run. */
export type AtomicWriteResult =
  | { committed: true; results: BallotWriteResult[] }
  | { committed: false; rejectedIndex: number }
  | { committed: false; closed: true };

/** Per-meeting settings, written by the host. */
export interface MeetingSettingsRepository {
  get(meetingId: string): Promise<MeetingSettings | undefined>;
  put(meetingId: string, settings: MeetingSettings, at: number): Promise<void>;
}

/** A Zoom user who authorized Quorum: profile from `GET /users/me` and sealed OAuth tokens. */
export interface ZoomUserRecord {
  uid: string;
  email: string | null;
  displayName: string | null;
  accountId: string | null;
  /** AES-256-GCM sealed JSON of the token pair; null once Zoom refused the refresh token. */
  sealedTokens: string | null;
  /** Access-token expiry, epoch ms (0 when there are no tokens). */
  expiresAt: number;
  scope: string;
  updatedAt: number;
}

export interface ZoomUserRepository {
  upsert(user: ZoomUserRecord): Promise<void>;
  get(uid: string): Promise<ZoomUserRecord | undefined>;
  /** Replaces the tokens (null clears them) and their expiry. */
  setTokens(uid: string, sealedTokens: string | null, expiresAt: number, at: number): Promise<void>;
  /**
   * Deauthorization, in one transaction: deletes the profile, tokens and pending authorizations, their
   * poll templates and their personal space (polls and settings of `personal:<uid>`); strips their
   * identity from attendance, meetings, report deliveries (their email) and stored webhook payloads;
   * re-keys their Q&A questions and upvotes to `pseudonym` (and drops their personal space's Q&A);
   * and re-keys the copies of their ballots in the change log to `pseudonym`. Their ballots themselves
   * are moved beforehand with `ballots.transferVoter`, so live tallies follow (see Deauthorization).
   */
  erase(uid: string, pseudonym: string): Promise<void>;
}

/** A pending OAuth authorization (PKCE verifier sealed), single-use. */
export interface OAuthStateRecord {
  state: string;
  purpose: 'in-client' | 'install';
  /** The session that started it; null for the web install, which has no session. */
  voterId: string | null;
  sealedVerifier: string;
  expiresAt: number;
}

/** Sessions made void before their expiry (deauthorization); `subject` is a pseudonym, never a raw id. */
export interface SessionRevocationRepository {
  /** Sessions of `subject` issued at or before `at` no longer count (a later call moves the line). */
  revoke(subject: string, at: number): Promise<void>;
  /** Every revocation recorded at or after `since`. */
  listSince(since: number): Promise<{ subject: string; revokedAt: number }[]>;
  /** Drops revocations older than `before` (no session issued before then is still valid). */
  purgeBefore(before: number): Promise<number>;
}

export interface OAuthStateRepository {
  put(record: OAuthStateRecord): Promise<void>;
  /** Stores `record` as the only pending state of its voter and purpose (a new authorize replaces the old). */
  replace(record: OAuthStateRecord & { voterId: string }): Promise<void>;
  /** Pending states, expired or not (the global cap). */
  count(): Promise<number>;
  /** Deletes and returns the record (expired or not: the caller says why it is refused). */
  take(state: string): Promise<OAuthStateRecord | undefined>;
  purgeExpired(now: number): Promise<number>;
}

/** A verified webhook event waiting in (or done with) the durable inbox. */
export interface InboxEvent {
  id: number;
  event: string;
  eventTs: number | null;
  trackingId: string | null;
  /** JSON of the payload without credential fields. */
  payload: string;
  receivedAt: number;
  status: 'pending' | 'processed' | 'failed';
  attempts: number;
  lastError: string | null;
}

export type NewInboxEvent = Pick<InboxEvent, 'event' | 'eventTs' | 'trackingId' | 'payload' | 'receivedAt'> & {
  /** Same event and timestamp (and payload) = same delivery, when Zoom sends no tracking id. */
  eventKey: string;
};

/** One received webhook request, kept whatever happened to it; never a header value or a token. */
export interface WebhookAuditRecord {
  receivedAt: number;
  event: string | null;
  trackingId: string | null;
  outcome: 'accepted' | 'duplicate' | 'validated' | 'rejected';
  reason: string | null;
  sourceIp: string | null;
}

export interface WebhookRepository {
  /** Stores the event unless its tracking id or event key was seen; undefined means duplicate. */
  enqueue(event: NewInboxEvent): Promise<number | undefined>;
  /** Pending events, oldest first. */
  pending(limit: number): Promise<InboxEvent[]>;
  markProcessed(id: number, at: number): Promise<void>;
  /** Counts a failed attempt; `giveUp` moves the event to `failed` for good. */
  markAttemptFailed(id: number, error: string, giveUp: boolean): Promise<void>;
  get(id: number): Promise<InboxEvent | undefined>;
  audit(record: WebhookAuditRecord): Promise<void>;
  /** Newest first. */
  listAudit(limit: number): Promise<WebhookAuditRecord[]>;
  /** Deletes audit rows received before `at` (retention); how many went. */
  purgeAuditBefore(at: number): Promise<number>;
}

/** What Quorum knows of a Zoom meeting instance, keyed by its UUID (the app context's `mid`). */
export interface MeetingRecord {
  uuid: string;
  zoomId: string | null;
  topic: string | null;
  hostId: string | null;
  status: 'started' | 'ended' | 'unknown';
  startedAt: number | null;
  endedAt: number | null;
}

/** One join or leave, from the participant webhooks. */
export interface AttendanceRecord {
  meetingUuid: string;
  participantKey: string;
  userId: string | null;
  name: string | null;
  kind: 'joined' | 'left';
  at: number;
}

export interface MeetingRepository {
  save(meeting: MeetingRecord): Promise<void>;
  get(uuid: string): Promise<MeetingRecord | undefined>;
  addAttendance(record: AttendanceRecord): Promise<void>;
  /** Oldest first. */
  listAttendance(meetingUuid: string): Promise<AttendanceRecord[]>;
}

/** One email or outgoing webhook set off by a meeting event, with its delivery history. */
export interface DeliveryRecord {
  id: string;
  meetingUuid: string;
  kind: 'email' | 'webhook';
  /** The URL, or the recipient's address. */
  target: string;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeliveryRepository {
  insert(record: DeliveryRecord): Promise<void>;
  update(id: string, change: Pick<DeliveryRecord, 'status' | 'attempts' | 'lastError' | 'updatedAt'>): Promise<void>;
  /** Oldest first. */
  listByMeeting(meetingUuid: string): Promise<DeliveryRecord[]>;
}

/** A poll template in one Zoom user's library (keyed by owner and id, so users never see each other's). */
export interface TemplateRecord {
  ownerUid: string;
  id: string;
  draft: PollDraft;
  createdAt: number;
  updatedAt: number;
}

export interface TemplateRepository {
  /** The user's templates, most recently updated first. */
  list(ownerUid: string): Promise<TemplateRecord[]>;
  get(ownerUid: string, id: string): Promise<TemplateRecord | undefined>;
  /** Inserts or replaces the templates in ONE transaction (an import is all or nothing); a replaced one keeps its createdAt. */
  putMany(records: readonly TemplateRecord[]): Promise<void>;
  /** True when the template existed. */
  delete(ownerUid: string, id: string): Promise<boolean>;
  count(ownerUid: string): Promise<number>;
}

/** A meeting's Q&A as stored: settings undefined until a host changed them. */
export interface StoredQa {
  settings: QaSettings | undefined;
  /** 0 before the first change. */
  version: number;
  /** Oldest first. */
  questions: QaQuestion[];
  /** Who upvoted each question that has upvotes. */
  upvoters: Map<string, Set<string>>;
}

/** One voter's wanted upvote state on a question, tagged with the client's id for this attempt. */
export interface QaUpvoteWrite {
  meetingId: string;
  questionId: string;
  voterId: string;
  clientId: string;
  up: boolean;
}

/**
 * `counted`: the set changed; `unchanged`: it already was so; `duplicate`: this client id was seen
 * (nothing done, `up` is the voter's state now); `refused`: under the transaction's lock the question
 * was not live in that meeting (a dismissal committed first), nothing written.
 */
export type QaUpvoteOutcome =
  { kind: 'counted' | 'unchanged' | 'duplicate'; up: boolean; version: number } | { kind: 'refused' };

/**
 * Audience Q&A. Every write is one transaction that also bumps the meeting's version, and resolves only
 * after commit; a write that changes nothing leaves the version alone.
 */
export interface QaRepository {
  load(meetingId: string): Promise<StoredQa>;
  putSettings(meetingId: string, settings: QaSettings): Promise<number>;
  /** Stores the question unless its asker already asked with its client id: then the stored one comes back. */
  ask(question: QaQuestion): Promise<{ question: QaQuestion; duplicate: boolean; version: number }>;
  /** Overwrites these questions of the meeting (an edit, a moderation), all or none. */
  save(meetingId: string, questions: readonly QaQuestion[]): Promise<number>;
  /** Deletes the question and its upvotes. */
  withdraw(meetingId: string, questionId: string): Promise<number>;
  /**
   * Many upvotes in ONE transaction (a turn's worth), one outcome each, in order, after commit. One vote
   * per (question, voter) by the primary key; idempotent by client id. Each counted change gets its own
   * version, consecutive per meeting in the order of the writes; the others carry the meeting's version.
   */
  upvoteMany(writes: readonly QaUpvoteWrite[]): Promise<QaUpvoteOutcome[]>;
  /**
   * Gives `from`'s questions and upvotes in one meeting to `to`, in ONE transaction (a guest who signs
   * in): where both upvoted a question, one vote stays. The meeting's version after it, or undefined
   * when `from` had nothing there (nothing changed).
   */
  transferVoter(from: string, to: string, meetingId: string): Promise<number | undefined>;
  /** Every Q&A row of the meeting. */
  eraseMeeting(meetingId: string): Promise<void>;
}

/** The whole store handed to `buildApp`. */
export interface Store {
  polls: PollRepository;
  ballots: BallotRepository;
  zoomUsers: ZoomUserRepository;
  oauthStates: OAuthStateRepository;
  sessionRevocations: SessionRevocationRepository;
  webhooks: WebhookRepository;
  meetings: MeetingRepository;
  deliveries: DeliveryRepository;
  meetingSettings: MeetingSettingsRepository;
  templates: TemplateRepository;
  qa: QaRepository;
  /** Liveness check for /healthz. */
  ping(): Promise<void>;
  /**
   * SQLite: epoch ms since which a write has been waiting for a lock another process holds (it is
   * being retried), or undefined; /healthz then says `degraded`. PostgreSQL has no such wait.
   */
  writeStalledSince?(): number | undefined;
  close(): Promise<void>;
}
