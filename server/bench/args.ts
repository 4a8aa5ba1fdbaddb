import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIGS, type ConfigName } from './bench-targets';
import { JOIN_FLOWS, type JoinFlow } from './clients';

/** What `--scenario` selects. */
export const SCENARIOS = ['one-room', 'meetings', 'mixed', 'idle', 'join-storm', 'qa', 'adapters', 'abuse'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The benchmark's command-line settings. */
export interface BenchArgs {
  scenario: ScenarioName;
  configs: ConfigName[];
  /** Voters per meeting (one-room: the whole room). */
  voters: number;
  meetings: number;
  spreadMs: number;
  runs: number;
  batchSize: number;
  /** Clients that join the meetings while they vote (the mixed scenario), spread over the voting phase. */
  joiners: number;
  /** How Quorum's clients get their session (see `JOIN_FLOWS`). */
  join: JoinFlow;
  /** When set, CPU profiles of the voting phase (server child and load generator) are written here. */
  profileDir?: string;
}

const USAGE =
  'usage: npm run bench -- [--scenario one-room|meetings|mixed|idle|join-storm|qa|adapters|abuse] [--config raw-ws,embedded,per-vote,pg-redis,pg-redis-2]\n' +
  '                        [--voters N] [--meetings M] [--spread-ms 2000] [--runs 1] [--batch-size 50] [--joiners N] [--join page|post|page+post] [--profile <dir>]';

/** Per scenario: voters per meeting, meetings, and the configurations measured when `--config` is not given. */
const DEFAULTS: Record<
  ScenarioName,
  { voters: number; meetings: number; configs: ConfigName[]; spreadMs?: number; joiners?: number }
> = {
  'one-room': { voters: 1000, meetings: 1, configs: ['raw-ws', 'embedded', 'per-vote', 'pg-redis', 'pg-redis-2'] },
  meetings: { voters: 25, meetings: 200, configs: ['raw-ws', 'embedded', 'pg-redis', 'pg-redis-2'] },
  // The meetings scenario while 2,000 more people open the app in those meetings.
  mixed: { voters: 25, meetings: 200, configs: ['raw-ws', 'embedded'], joiners: 2000 },
  idle: { voters: 50, meetings: 200, configs: ['raw-ws', 'embedded', 'pg-redis'] },
  // 10,000 voters starting to connect within 10 s.
  'join-storm': { voters: 50, meetings: 200, configs: ['raw-ws', 'embedded'], spreadMs: 10_000 },
  // Audience Q&A: 1,000 participants upvoting 5 of 50 questions each within 2 s.
  qa: { voters: 1000, meetings: 1, configs: ['raw-ws', 'embedded'] },
  adapters: { voters: 200, meetings: 1, configs: [] },
  abuse: { voters: 50, meetings: 1, configs: [] },
};

/** Parses the flags; throws with the usage line on bad input. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenario: { type: 'string', default: 'one-room' },
      config: { type: 'string' },
      voters: { type: 'string' },
      meetings: { type: 'string' },
      'spread-ms': { type: 'string' },
      runs: { type: 'string', default: '1' },
      'batch-size': { type: 'string', default: '50' },
      join: { type: 'string', default: 'page' },
      joiners: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const scenario = oneOf('scenario', values.scenario, SCENARIOS);
  const defaults = DEFAULTS[scenario];
  return {
    scenario,
    configs:
      values.config === undefined
        ? defaults.configs
        : values.config.split(',').map((c) => oneOf('config', c.trim(), CONFIGS)),
    voters: positiveInt('voters', values.voters ?? String(defaults.voters)),
    meetings: positiveInt('meetings', values.meetings ?? String(defaults.meetings)),
    spreadMs: positiveInt('spread-ms', values['spread-ms'] ?? String(defaults.spreadMs ?? 2000)),
    runs: positiveInt('runs', values.runs),
    batchSize: positiveInt('batch-size', values['batch-size']),
    join: oneOf('join', values.join, JOIN_FLOWS),
    joiners: values.joiners === undefined ? (defaults.joiners ?? 0) : positiveInt('joiners', values.joiners),
    ...(values.profile === undefined ? {} : { profileDir: resolve(values.profile) }),
  };
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw))
    throw new Error(`--${name} must be one of ${allowed.join(', ')} (got '${raw}')\n${USAGE}`);
  return raw as T;
}

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer (got '${raw}')\n${USAGE}`);
  return value;
}
