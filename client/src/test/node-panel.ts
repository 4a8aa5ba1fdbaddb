import type { Poll } from '@quorum/shared';
import { contextFor, type Endpoint, type Person } from '../../../server/test/support/harness';
import { createMeetingController, type MeetingController } from '../realtime/meeting-controller';
import { outboxKey, persistentOutboxStore } from '../realtime/outbox-store';
import type { ConnectionStatus, RealtimeLink } from '../realtime/realtime-link';
import { createSocketLink } from '../realtime/socket-link';
import { createSessionClient } from '../session/session-client';

/** A page's localStorage in Node: what a panel keeps there outlives its reload (a new panel on the same storage). */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/**
 * One Quorum panel without the browser: the client's own session client, socket link, meeting controller and
 * durable outbox, wired as boot.tsx wires them, against `server` (a fresh sealed context for each session).
 */
export interface NodePanel {
  controller: MeetingController;
  link: RealtimeLink;
  /** Every connection status the link reported, in order. */
  statuses: ConnectionStatus[];
  /** Queues (and sends, when online) a single-choice vote for `optionId` on the poll's question `q1`. */
  vote(pollId: string, optionId: string): string;
  /** Resolves once the panel's state satisfies `until`; rejects after `timeoutMs` saying what it waited for. */
  waitFor(what: string, until: (panel: NodePanel) => boolean, timeoutMs?: number): Promise<void>;
  poll(pollId: string): Poll | undefined;
  readonly online: boolean;
  /** The submissions still waiting for their ack. */
  readonly pending: number;
  close(): void;
}

export async function openNodePanel(server: Endpoint, person: Person, storage: Storage): Promise<NodePanel> {
  const fetchFn: typeof fetch = (input, init) => fetch(new URL(String(input), server.url), init);
  const session = createSessionClient(async () => contextFor(server.config, person), fetchFn);
  await session.start();
  const me = session.view()!;
  const link = createSocketLink({ getToken: session.token, renewSession: session.renew, url: server.url });
  const controller = createMeetingController({
    link,
    notify: () => {},
    announce: () => {},
    outboxStore: persistentOutboxStore(outboxKey(me.meetingId, me.voterId), () => storage),
  });
  const statuses: ConnectionStatus[] = [];
  link.onStatus((status) => statuses.push(status));
  const panel: NodePanel = {
    controller,
    link,
    statuses,
    vote: (pollId, optionId) =>
      controller.outbox.submit({ pollId, answers: [{ questionId: 'q1', answer: { kind: 'single', optionId } }] }),
    waitFor: (what, until, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!until(panel)) return false;
          clearTimeout(timer);
          off();
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          off();
          reject(
            new Error(
              `${person.uid ?? 'a guest'} never got ${what} (connection: ${JSON.stringify(controller.store.getState().connection)}, pending: ${panel.pending})`,
            ),
          );
        }, timeoutMs);
        const offStore = controller.store.subscribe(() => void check());
        const offOutbox = controller.outbox.subscribe(() => void check());
        const off = () => {
          offStore();
          offOutbox();
        };
        check();
      }),
    poll: (pollId) => controller.store.getState().polls[pollId],
    get online() {
      return controller.store.getState().connection.status === 'online';
    },
    get pending() {
      return controller.outbox.getSnapshot().length;
    },
    close() {
      controller.dispose();
      link.close();
    },
  };
  link.connect();
  return panel;
}
