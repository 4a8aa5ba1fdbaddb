import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The benchmark's command-line settings. */
export interface BenchArgs {
  voters: number;
  spreadMs: number;
  runs: number;
  batchSize: number;
  /** When set, CPU profiles of the voting phase (server child and load generator) are written here. */
  profileDir?: string;
}

const USAGE = 'usage: npm run bench -- [--voters 1000] [--spread-ms 2000] [--runs 1] [--batch-size 50] [--profile <dir>]';

/** Parses `--voters`, `--spread-ms`, `--runs`, `--batch-size`, `--profile`; throws with the usage line on bad input. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      voters: { type: 'string', default: '1000' },
      'spread-ms': { type: 'string', default: '2000' },
      runs: { type: 'string', default: '1' },
      'batch-size': { type: 'string', default: '50' },
      profile: { type: 'string' },
    },
  });
  return {
    voters: positiveInt('voters', values.voters),
    spreadMs: positiveInt('spread-ms', values['spread-ms']),
    runs: positiveInt('runs', values.runs),
    batchSize: positiveInt('batch-size', values['batch-size']),
    ...(values.profile === undefined ? {} : { profileDir: resolve(values.profile) }),
  };
}

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got '${raw}')\n${USAGE}`);
  return value;
}
