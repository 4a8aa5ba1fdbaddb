import type { QaUpdate } from '@quorum/shared';
import { WebSocket } from 'ws';
import type { BenchArgs } from './args';
import { measureEach, type BenchTarget } from './bench-targets';
import type { ChildBundles } from './child-bundle';
import { connectAll, connectClient, type QuorumClient } from './clients';
import { cpuSeconds } from './proc-stats';
import { sum, voterSpecs } from './scenario-run';
import { printFloorTable } from './report';
import { percentile } from './stats';
import { mulberry32 } from './voting-phase';

/** The scenario: 50 questions, every participant upvotes 5 of them within the spread. */
const QUESTIONS = 50;
const UPVOTES_EACH = 5;
const QA_PREFIX = '2["qa:update"';

/** One participant of the Q&A scenario, on either server. */
interface QaClient {
  upvote(questionId: string, clientId: string, done: () => void): void;
  /** Called with the total of upvotes of every update received. */
  onTotal: (total: number) => void;
  messages: number;
  bytes: number;
  close(): void;
}

interface QaFigures {
  finalP50: number;
  finalP99: number;
  ackP50: number;
  ackP99: number;
  cpuSec: number;
  messages: number;
  bytes: number;
  missingFinals: number;
}

/** A Quorum participant: `qa:upvote` with an ack, `qa:update` counted by its frame length. */
function quorumQa(client: QuorumClient): QaClient {
  const qa: QaClient = {
    upvote: (questionId, clientId, done) => client.socket.emit('qa:upvote', { questionId, up: true, clientId }, done),
    onTotal: () => {},
    messages: 0,
    bytes: 0,
    close: client.close,
  };
  client.socket.io.engine.on('data', (data: unknown) => {
    if (typeof data === 'string' && data.startsWith(QA_PREFIX)) qa.bytes += data.length + 1;
  });
  client.socket.on('qa:update', (update: QaUpdate) => {
    qa.messages++;
    qa.onTotal(update.questions.reduce((total, q) => total + (q.upvotes ?? 0), 0));
  });
  return qa;
}

/** A floor participant (raw-ws-server.ts's Q&A frames). */
async function rawQa(url: string, meeting: string): Promise<QaClient> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/?m=${encodeURIComponent(meeting)}`);
  const acks = new Map<string, () => void>();
  const qa: QaClient = {
    upvote: (questionId, id, done) => {
      acks.set(id, done);
      socket.send(JSON.stringify({ u: questionId, id }));
    },
    onTotal: () => {},
    messages: 0,
    bytes: 0,
    close: () => socket.close(),
  };
  socket.on('message', (data: Buffer) => {
    const text = data.toString();
    const message = JSON.parse(text) as { a?: string; q?: [string, number][] };
    if (message.a !== undefined) acks.get(message.a)?.();
    else if (message.q) {
      qa.messages++;
      qa.bytes += text.length;
      qa.onTotal(message.q.reduce((total, [, votes]) => total + votes, 0));
    }
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return qa;
}

/** Quorum: the host turns Q&A on with counts shown, the first participants ask one question each. */
async function prepareQuorum(target: BenchTarget, args: BenchArgs): Promise<{ clients: QaClient[]; ids: string[] }> {
  const [host] = await connectAll(
    [{ url: target.urls[0]!, person: { mid: 'bench-qa', uid: 'host', role: 'host' }, phase: idle(), join: args.join }],
    1,
    connectClient,
  );
  const on = await host!.socket.emitWithAck('qa:settings', { enabled: true, upvotesShown: true, reviewFirst: false });
  if (!on.ok) throw new Error(`qa:settings: ${on.error.message}`);
  const specs = voterSpecs(target, { ...args, meetings: 1 }, [idle()]).map((s) => ({
    ...s,
    person: { ...s.person, mid: 'bench-qa' },
  }));
  const voters = await connectAll(specs, args.batchSize, connectClient);
  const ids: string[] = [];
  for (const [i, asker] of voters.slice(0, QUESTIONS).entries()) {
    const asked = await asker.socket.emitWithAck('qa:ask', {
      text: `Question ${i + 1}?`,
      anonymous: false,
      clientId: `ask-bench-${i}`,
    });
    if (!asked.ok) throw new Error(`qa:ask: ${asked.error.message}`);
    ids.push(asked.data.question.id);
  }
  return { clients: [host!, ...voters].map(quorumQa), ids };
}

const idle = () => ({ finalTurnout: Infinity, onProgress: () => {} });

/** `count` different items, each subset as likely (a partial Fisher–Yates shuffle). */
function pickDistinct<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Connects, then measures the upvoting phase only: last upvote sent → each client's final total. */
async function measureQa(target: BenchTarget, args: BenchArgs, seed: number): Promise<QaFigures> {
  const prepared = target.raw
    ? {
        clients: await Promise.all(Array.from({ length: args.voters + 1 }, () => rawQa(target.urls[0]!, 'bench-qa'))),
        ids: Array.from({ length: QUESTIONS }, (_, i) => `q${i}`),
      }
    : await prepareQuorum(target, args);
  const { clients, ids } = prepared;
  const voters = clients.slice(1);
  const expected = voters.length * UPVOTES_EACH;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const pids = target.children.map((c) => c.pid);
  const cpuBefore = sum(pids.map(cpuSeconds));
  const random = mulberry32(seed);
  const finals: number[] = new Array(clients.length).fill(NaN);
  const acks: number[] = [];
  let lastSentAt = 0;
  let pending = clients.length + expected;
  await new Promise<void>((resolve) => {
    const timeout = setTimeout(resolve, args.spreadMs + 30_000);
    const progress = () => {
      if (--pending > 0) return;
      clearTimeout(timeout);
      resolve();
    };
    clients.forEach((c, i) => {
      c.messages = 0;
      c.bytes = 0;
      c.onTotal = (total) => {
        if (total !== expected || !Number.isNaN(finals[i]!)) return;
        finals[i] = performance.now();
        progress();
      };
    });
    voters.forEach((voter, v) => {
      const picks = pickDistinct(ids, UPVOTES_EACH, random);
      for (const [k, questionId] of picks.entries()) {
        setTimeout(() => {
          const sentAt = performance.now();
          lastSentAt = Math.max(lastSentAt, sentAt);
          voter.upvote(questionId, `up-${seed}-${v}-${k}`, () => {
            acks.push(performance.now() - sentAt);
            progress();
          });
        }, random() * args.spreadMs);
      }
    });
  });
  const cpuSec = sum(pids.map(cpuSeconds)) - cpuBefore;
  const delays = finals.filter((f) => !Number.isNaN(f)).map((f) => f - lastSentAt);
  clients.forEach((c) => c.close());
  return {
    finalP50: percentile(delays, 50),
    finalP99: percentile(delays, 99),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    cpuSec,
    messages: sum(clients.map((c) => c.messages)),
    bytes: sum(clients.map((c) => c.bytes)),
    missingFinals: clients.length - delays.length,
  };
}

/**
 * `--scenario qa` (issue 17): one meeting of `--voters` participants (1,000), 50 questions, every
 * participant upvotes 5 of them at seeded random moments within `--spread-ms` (2 s); the table gives
 * the time from the last upvote to the final list on every client, ack times, server CPU and bytes,
 * beside the raw-ws floor doing the same in memory. Targets: final p99 ≤ 100 ms, CPU ≤ 1.5× the floor.
 */
export async function runQaBench(args: BenchArgs, bundles: ChildBundles): Promise<void> {
  const rows = await measureEach(args.configs, bundles, (target) => measureQa(target, args, 1));
  const heads = ['final p50 ms', 'final p99 ms', 'ack p50 ms', 'ack p99 ms', 'CPU s', 'messages', 'MB', 'no final'];
  printFloorTable(
    heads,
    rows,
    (f) => [
      ...[f.finalP50, f.finalP99, f.ackP50, f.ackP99].map((v) => v.toFixed(1)),
      f.cpuSec.toFixed(2),
      String(f.messages),
      (f.bytes / 1e6).toFixed(2),
      String(f.missingFinals),
    ],
    {
      title: 'targets for Quorum: final p99 <= 100 ms, CPU <= 1.5x the floor',
      of: (f, floor, ratio) =>
        `final p99 ${ratio(f.finalP99, floor.finalP99)}, CPU ${ratio(f.cpuSec, floor.cpuSec)}, bytes ${ratio(f.bytes, floor.bytes)}`,
    },
  );
}
