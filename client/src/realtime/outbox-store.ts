import { submitBallotsSchema, type SubmitBallots } from '@quorum/shared';

/** Where the outbox keeps its unacknowledged submissions between page loads. */
export interface OutboxStore {
  load(): SubmitBallots[];
  save(pending: readonly SubmitBallots[]): void;
  /** False once storage refused (blocked in a framed app, full): the outbox then lives in memory only. */
  readonly durable: boolean;
}

/**
 * One key per meeting and voter: a queued ballot is re-sent only by the same voter in the same meeting (a guest
 * who comes back as a new guest must not send another voter's ballot, nor a pane in the simulator another pane's).
 */
export const outboxKey = (meetingId: string, voterId: string): string => `quorum.outbox.v1:${meetingId}:${voterId}`;

/** Memory only: lost on reload. The fallback when storage is unavailable. */
export function memoryOutboxStore(): OutboxStore {
  let kept: SubmitBallots[] = [];
  return {
    durable: false,
    load: () => [...kept],
    save: (pending) => void (kept = [...pending]),
  };
}

/** What storage held, if it still reads as submissions (anything else is dropped: it is input from outside). */
function parseStored(raw: string | null): SubmitBallots[] {
  if (raw === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = submitBallotsSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * localStorage under `key`, mirrored in memory. Browsers may block storage in third-party frames (getting
 * `localStorage` or calling it throws) or refuse a write when full: from then on the memory copy is all there is.
 */
export function persistentOutboxStore(
  key: string,
  storage: () => Storage | null = () => window.localStorage,
): OutboxStore {
  const memory = memoryOutboxStore();
  let backing: Storage | null = null;
  try {
    backing = storage();
    memory.save(parseStored(backing?.getItem(key) ?? null));
  } catch {
    backing = null;
  }
  return {
    get durable() {
      return backing !== null;
    },
    load: () => memory.load(),
    save(pending) {
      memory.save(pending);
      if (!backing) return;
      try {
        if (pending.length === 0) backing.removeItem(key);
        else backing.setItem(key, JSON.stringify(pending));
      } catch {
        backing = null;
      }
    },
  };
}
