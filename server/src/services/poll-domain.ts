import type { DomainContext } from '@quorum/shared';
import type { Store } from '../store/types';
import { BallotService } from './ballot-service';
import type { ChangeLogRetention } from './change-log';
import { MeetingAccess } from './meeting-access';
import type { PollEvents } from './poll-events';
import { PollGuard } from './poll-guard';
import type { PollMemory } from './poll-memory';
import { PollService } from './poll-service';
import { QaService, type QaEvents } from './qa-service';

export interface PollDomainOptions {
  store: Store;
  memory: PollMemory;
  /** Told of every committed change, polls and Q&A (the realtime hub). */
  events: PollEvents & QaEvents;
  /** A poll held across every server process during a lifecycle change (see PollServiceDeps.lock). */
  lock?: <T>(pollId: string, task: () => Promise<T>) => Promise<T>;
  /** Retention of the ballot change log (tests shrink it); DEFAULT_RETENTION when absent. */
  changeLogRetention?: ChangeLogRetention;
  /** K of the room-privacy rule (config ANONYMOUS_ROOM_MIN_VOTERS); the shared default when absent. */
  roomMinVoters?: number;
  now?: () => number;
  newId?: () => string;
}

/** The poll rules' services, wired once: who may run polls, the poll guard, ballots, and the lifecycle. */
export interface PollDomain {
  polls: PollService;
  ballots: BallotService;
  access: MeetingAccess;
  guard: PollGuard;
  /** Audience Q&A, under the same access rule as polls. */
  qa: QaService;
}

export function createPollDomain(options: PollDomainOptions): PollDomain {
  const { store, memory, events } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID().replaceAll('-', ''));
  const ctx = (): DomainContext => ({ now: now(), newId });
  const access = new MeetingAccess(store, (meetingId, settings) => events.settingsChanged?.(meetingId, settings), now);
  const guard = new PollGuard(memory.state, access);
  const retention = options.changeLogRetention === undefined ? {} : { retention: options.changeLogRetention };
  const ballots = new BallotService({
    store,
    state: memory.state,
    tallies: memory.tallies,
    events,
    access,
    guard,
    ctx,
    ...retention,
  });
  const polls = new PollService({
    store,
    events,
    memory,
    access,
    guard,
    ballots,
    ctx,
    ...(options.lock ? { lock: options.lock } : {}),
    ...(options.roomMinVoters === undefined ? {} : { roomMinVoters: options.roomMinVoters }),
  });
  const qa = new QaService({ store, access, events, ctx });
  return { polls, ballots, access, guard, qa };
}
