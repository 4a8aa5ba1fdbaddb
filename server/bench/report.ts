import type { Figures } from './figures';
import { median } from './stats';

/** One measured configuration: a label and its figures from each run. */
export interface ModeResult {
  label: string;
  runs: Figures[];
}

interface Row {
  label: string;
  key: keyof Figures;
  unit: string;
  digits: number;
  /** Upper bound to print PASS/MISS against (informational only). */
  target?: number;
  ratio?: boolean;
}

const ROWS: (Row | string)[] = [
  'client-observed (1 load-generator process; includes its own delays)',
  { label: 'final tally after last vote p50', key: 'finalP50', unit: 'ms', digits: 1 },
  { label: 'final tally after last vote p99', key: 'finalP99', unit: 'ms', digits: 1, target: 75, ratio: true },
  { label: 'final tally after last vote max', key: 'finalMax', unit: 'ms', digits: 1 },
  { label: 'ballot ack p50', key: 'ackP50', unit: 'ms', digits: 1 },
  { label: 'ballot ack p99', key: 'ackP99', unit: 'ms', digits: 1, target: 20, ratio: true },
  { label: 'ballot ack max', key: 'ackMax', unit: 'ms', digits: 1 },
  'server-side (server clock; excludes network and client work)',
  { label: 'last ballot in -> final fan-out done', key: 'finalAfterLastBallotMs', unit: 'ms', digits: 1, target: 75, ratio: true },
  { label: 'ballot in -> ack out p50', key: 'ackP50Ms', unit: 'ms', digits: 1 },
  { label: 'ballot in -> ack out p99', key: 'ackP99Ms', unit: 'ms', digits: 1, target: 20, ratio: true },
  { label: 'one tally fan-out p50', key: 'fanoutP50Ms', unit: 'ms', digits: 1 },
  { label: 'one tally fan-out max', key: 'fanoutMaxMs', unit: 'ms', digits: 1 },
  { label: 'event-loop delay p99', key: 'loopDelayP99Ms', unit: 'ms', digits: 1 },
  { label: 'event-loop delay max', key: 'loopDelayMaxMs', unit: 'ms', digits: 1 },
  'server resources',
  { label: 'CPU (utime+stime), voting phase', key: 'cpuSec', unit: 's', digits: 2, ratio: true },
  { label: 'RSS before voting (VmRSS)', key: 'rssBeforeMb', unit: 'MB', digits: 1 },
  { label: 'peak RSS (VmHWM)', key: 'peakRssMb', unit: 'MB', digits: 1, target: 150, ratio: true },
  'traffic',
  { label: 'poll:tally broadcasts (server)', key: 'tallyBroadcasts', unit: '', digits: 0, ratio: true },
  { label: 'poll:tally messages received', key: 'tallyMessages', unit: '', digits: 0, ratio: true },
  { label: 'poll:tally bytes received', key: 'tallyBytes', unit: 'MB', digits: 2, ratio: true },
  'load generator and sanity',
  { label: 'voting phase duration', key: 'phaseMs', unit: 'ms', digits: 0 },
  { label: 'generator CPU', key: 'benchCpuSec', unit: 's', digits: 2 },
  { label: 'other CPU (other processes, kernel)', key: 'otherCpuSec', unit: 's', digits: 2 },
  { label: 'generator event-loop delay p99', key: 'benchLoopP99Ms', unit: 'ms', digits: 1 },
  { label: 'generator event-loop delay max', key: 'benchLoopMaxMs', unit: 'ms', digits: 1 },
  { label: 'ballots not acked ok', key: 'failedAcks', unit: '', digits: 0 },
  { label: 'clients without final tally', key: 'missingFinals', unit: '', digits: 0 },
  { label: 'ballots rate-limited', key: 'rateLimited', unit: '', digits: 0 },
  { label: 'internal errors', key: 'internalErrors', unit: '', digits: 0 },
];

const LABEL_WIDTH = 40;
const scale = (row: Row, value: number) => (row.key === 'tallyBytes' ? value / 1e6 : value);

/** One line per mode as each run finishes, so progress is visible during a long benchmark. */
export function printRunLine(label: string, run: number, f: Figures): void {
  console.log(
    `  run ${run} ${label}: final p99 ${f.finalP99.toFixed(1)} ms, ack p99 ${f.ackP99.toFixed(1)} ms, ` +
      `CPU ${f.cpuSec.toFixed(2)} s, RSS ${f.peakRssMb.toFixed(0)} MB, ${f.tallyMessages} tally msgs, ` +
      `other CPU ${f.otherCpuSec.toFixed(2)} s`,
  );
}

/** The table (medians over runs), PASS/MISS against the targets, and the second/first ratio. */
export function printReport(modes: [ModeResult, ModeResult]): void {
  const [on, off] = modes;
  const cols = [on.label, off.label];
  const header = `${'metric'.padEnd(LABEL_WIDTH)}${cols.map((c) => c.padStart(22)).join('')}${'off/on'.padStart(9)}  target`;
  console.log(`\n${header}\n${'-'.repeat(header.length + 4)}`);
  for (const row of ROWS) {
    if (typeof row === 'string') {
      console.log(`[${row}]`);
      continue;
    }
    const values = modes.map((m) => median(m.runs.map((f) => f[row.key])));
    const cells = values.map((v) => cell(row, v).padStart(22)).join('');
    const ratio = row.ratio ? `${(values[1]! / values[0]!).toFixed(1)}x` : '';
    console.log(`${`  ${row.label}`.padEnd(LABEL_WIDTH)}${cells}${ratio.padStart(9)}  ${row.target === undefined ? '' : `<= ${row.target} ${row.unit}`}`);
  }
  if (on.runs.length > 1) console.log(`(medians of ${on.runs.length} runs per mode)`);
}

function cell(row: Row, value: number): string {
  const text = `${scale(row, value).toFixed(row.digits)}${row.unit ? ` ${row.unit}` : ''}`;
  if (row.target === undefined) return text;
  return `${text} ${value <= row.target ? 'PASS' : 'MISS'}`;
}
