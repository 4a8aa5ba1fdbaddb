import { randomBytes } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isCidr } from './zoom/ip-allow-list';

/** Fixed Zoom client id used outside production, so the simulator can seal contexts the server accepts. */
export const DEV_ZOOM_CLIENT_ID = 'quorum-dev-client';
/** Fixed Zoom client secret used outside production (the simulator seals app contexts with it). */
export const DEV_ZOOM_CLIENT_SECRET = 'quorum-dev-client-secret-do-not-use-in-production';
/** Fixed webhook secret token used outside production (the fake cloud signs webhooks with it). */
export const DEV_ZOOM_WEBHOOK_SECRET_TOKEN = 'quorum-dev-webhook-secret-token';
/** Fixed secret for Quorum's own outgoing webhooks outside production (the fake cloud's receiver checks it). */
export const DEV_OUTGOING_WEBHOOK_SECRET = 'quorum-dev-outgoing-webhook-secret';

/** PKCE methods the Zoom authorize endpoints understand. */
export type PkceMethod = 'plain' | 'S256';

/** The server's settings, read once from the environment. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  zoomClientId: string;
  zoomClientSecret: string;
  zoomWebhookSecretToken: string;
  sessionSecret: string;
  /** 32-byte key as 64 lowercase hex characters (encrypts OAuth tokens at rest). */
  tokenEncryptionKey: string;
  databaseUrl: string;
  /** PostgreSQL only: the schema to use (created if missing) instead of the connection's default. */
  databaseSchema?: string;
  /** Several processes share PostgreSQL and fan out through this Redis; unset = one process. */
  redisUrl?: string;
  /** Prefix of every Redis key and channel, so deployments (or tests) can share one Redis. */
  redisKeyPrefix: string;
  zoomOauthBaseUrl: string;
  zoomApiBaseUrl: string;
  /**
   * PKCE method for in-client `zoomSdk.authorize`. 'plain' by default because Zoom's current docs say
   * only plain is supported there and the official sample sends it; older docs said SHA-256, so S256
   * stays one variable away. (The web install flow always uses S256.)
   */
  zoomPkceMethod: PkceMethod;
  /** Webhooks whose x-zm-request-timestamp is further than this from now are rejected (clock skew, both directions). */
  zoomWebhookMaxAgeSec: number;
  /**
   * How old an x-zm-request-timestamp may be and still verify, so a Zoom retry that keeps its first
   * attempt's timestamp (85 minutes after it, at the last retry) is accepted; 0 = only the window above.
   * Replays inside it are stopped by the inbox's de-duplication.
   */
  zoomWebhookRetryWindowSec: number;
  /** Source ranges allowed to post webhooks; empty = any source (the signature is the real check). */
  zoomWebhookAllowedCidrs: string[];
  /**
   * Refused webhook requests per source address per minute that are audited; beyond it the address gets
   * 429 with no row written, so unsigned floods cannot grow the database. Zoom's genuine events are never refused.
   */
  zoomWebhookRejectionsPerMin: number;
  /** Days a webhook audit row is kept. */
  webhookAuditRetentionDays: number;
  /** Legacy `authorization` header value Zoom sends with webhooks; checked only when set. */
  zoomVerificationToken?: string;
  /**
   * Longest lifetime (`exp − ts`, and `exp − now`) of an app context accepted: bounds how long a sealed
   * context can be replayed. Zoom's are about 120 s (devforum dumps; not documented), hence 300 s.
   */
  zoomAppContextMaxLifetimeSec: number;
  /**
   * Call Zoom's Data Compliance API (`POST /oauth/data/compliance`) after erasing a deauthorized user.
   * Off by default: Zoom's current Data Compliance guide (marketplace.zoom.us/docs/guides/publishing/
   * data-compliance) lists only "monitor the deauthorization event" and "retain data only if the user
   * asks"; the earlier version's third step, "inform Zoom by calling the Data Compliance API", is gone,
   * though the app_deauthorized reference page still mentions it. Set it if your review asks for it.
   */
  zoomDataComplianceCall: boolean;
  /** In-client authorizations pending at once, all sessions together (each session holds at most one). */
  zoomOauthPendingMax: number;
  /**
   * Which proxies' `X-Forwarded-For` Fastify believes (its `trustProxy`): false = none, the socket's
   * address is the client; a hop count; or addresses/CIDRs (and proxy-addr's `loopback`,
   * `linklocal`, `uniquelocal`). Trusting everyone would let any client pick its own address.
   */
  trustProxy: false | number | string[];
  /** Where the meeting report email goes out; unset = no email. */
  smtpUrl?: string;
  mailFrom: string;
  /** Receivers of the signed meeting summary; empty = none. */
  outgoingWebhookUrls: string[];
  outgoingWebhookSecret: string;
  /** Waits between delivery attempts (email and outgoing webhooks); its length is the retry count. */
  deliveryRetryDelaysMs: number[];
  tallyWindowMs: number;
  /** Anonymous polls show a breakout room's share on its own only from this many voters (K; 1 = always). */
  anonymousRoomMinVoters: number;
  /** Ballots accepted per voter per meeting per 10 s, shared by all of their sockets. */
  ballotRateLimit: number;
  /** Ballots accepted per meeting per 10 s. */
  meetingBallotRateLimit: number;
  /** Sockets one voter may hold open in one meeting; one more is refused with TOO_MANY_CONNECTIONS. */
  maxSocketsPerSession: number;
  sessionTtlSec: number;
  sessionTokenTtlSec: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  clientDistDir: string;
  isProduction: boolean;
}

// These have no safe default in production: a guessable secret there is worse than refusing to start.
const PRODUCTION_REQUIRED = [
  'ZOOM_CLIENT_ID',
  'ZOOM_CLIENT_SECRET',
  'ZOOM_WEBHOOK_SECRET_TOKEN',
  'SESSION_SECRET',
  'TOKEN_ENCRYPTION_KEY',
  'PUBLIC_URL',
] as const;

// server/src/config.ts (tsx, vitest) and server/dist/main.js (the bundle) both sit two levels below the
// repo root, so one relative path finds client/dist in either layout, whatever the working directory.
// (Not `new URL(…, import.meta.url)`: Vite would treat that pattern as an asset to bundle.)
const DEFAULT_CLIENT_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../client/dist');

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const httpUrl = z
  .string()
  .refine((v) => /^https?:$/.test(safeProtocol(v)), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

// A comma-separated variable: each non-blank part checked by `item`.
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item));

const cidr = z.string().refine(isCidr, 'must be comma-separated CIDR ranges such as 3.7.35.0/25');

// proxy-addr's named ranges, which Fastify's trustProxy accepts beside addresses and CIDRs.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const trustProxy = z.union([
  z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number),
  list(
    z
      .string()
      .refine(
        (v) => isCidr(v) || PROXY_RANGE_NAMES.has(v),
        'must be a hop count or comma-separated addresses/CIDRs (or loopback, linklocal, uniquelocal)',
      ),
  ),
]);

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { error: "must be 'development', 'production' or 'test'" })
      .default('development'),
    PORT: int(0, 65535).default(3000),
    HOST: z.string().min(1).optional(),
    PUBLIC_URL: httpUrl.optional(),
    ZOOM_CLIENT_ID: z.string().min(1).optional(),
    ZOOM_CLIENT_SECRET: z.string().min(1).optional(),
    ZOOM_WEBHOOK_SECRET_TOKEN: z.string().min(1).optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TOKEN_ENCRYPTION_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, "must be 'sqlite:<path>' or a postgres:// URL")
      .default('sqlite:./data/quorum.db'),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
      .optional(),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits or _ . : -')
      .default('quorum'),
    ZOOM_OAUTH_BASE_URL: httpUrl.optional(),
    ZOOM_API_BASE_URL: httpUrl.optional(),
    // plain: what Zoom's current in-client authorize docs and official sample use (see Config.zoomPkceMethod).
    ZOOM_PKCE_METHOD: z.enum(['plain', 'S256'], { error: "must be 'plain' or 'S256'" }).default('plain'),
    ZOOM_WEBHOOK_MAX_AGE_SEC: int(10, 3600).default(300),
    // 90 min: Zoom's last retry comes 5 + 20 + 60 = 85 minutes after the first attempt, plus skew.
    ZOOM_WEBHOOK_RETRY_WINDOW_SEC: int(0, 24 * 3600).default(90 * 60),
    ZOOM_WEBHOOK_ALLOWED_CIDRS: list(cidr).default([]),
    ZOOM_WEBHOOK_REJECTIONS_PER_MIN: int(1, 100_000).default(30),
    WEBHOOK_AUDIT_RETENTION_DAYS: int(1, 3650).default(30),
    ZOOM_VERIFICATION_TOKEN: z.string().min(1).optional(),
    ZOOM_OAUTH_PENDING_MAX: int(1, 1_000_000).default(10_000),
    ZOOM_DATA_COMPLIANCE_CALL: z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).default('false'),
    ZOOM_APP_CONTEXT_MAX_LIFETIME_SEC: int(30, 24 * 3600).default(300),
    TRUST_PROXY: trustProxy.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).optional(),
    OUTGOING_WEBHOOK_URLS: list(httpUrl).optional(),
    OUTGOING_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    DELIVERY_RETRY_DELAYS_MS: list(
      z.coerce
        .number<string>()
        .int()
        .min(0)
        .max(24 * 3600_000),
    ).default([2_000, 30_000, 300_000]),
    // 0 turns coalescing off (one broadcast per vote): the benchmark's baseline.
    TALLY_WINDOW_MS: int(0, 10_000).default(50),
    // 1 turns the rule off; 3 by default, so no room share shows one person's answer or two people's to each other.
    ANONYMOUS_ROOM_MIN_VOTERS: int(1, 1000).default(3),
    BALLOT_RATE_LIMIT: int(1, 10_000).default(30),
    // A 1,000-person webinar voting within 10 s is 1,000; the default leaves room for surveys.
    MEETING_BALLOT_RATE_LIMIT: int(1, 1_000_000).default(5_000),
    MAX_SOCKETS_PER_SESSION: int(1, 100).default(5),
    SESSION_TTL_SEC: int(60, 30 * 24 * 3600).default(8 * 3600),
    SESSION_TOKEN_TTL_SEC: int(60, 24 * 3600).default(3600),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino level or silent' })
      .default('info'),
    CLIENT_DIST_DIR: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    // Several processes behind one Redis must share one database; a SQLite file belongs to one process.
    if (env.REDIS_URL !== undefined && env.DATABASE_URL.startsWith('sqlite:')) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'needs a postgres:// DATABASE_URL (a SQLite file serves one process)',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    for (const name of PRODUCTION_REQUIRED) {
      if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' });
    }
    if (env.OUTGOING_WEBHOOK_URLS?.length && env.OUTGOING_WEBHOOK_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['OUTGOING_WEBHOOK_SECRET'],
        message: 'is required in production when OUTGOING_WEBHOOK_URLS is set',
      });
    }
  })
  .transform((env): Config => {
    const isProduction = env.NODE_ENV === 'production';
    const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    // Outside production the Zoom cloud is the fake one mounted at /sim/zoom, so `npm start` runs the
    // whole OAuth, REST and webhook flow offline; setting the variables points at the real Zoom.
    const fakeCloud = isProduction ? undefined : `${publicUrl}/sim/zoom`;
    return {
      nodeEnv: env.NODE_ENV,
      port: env.PORT,
      host: env.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
      publicUrl,
      zoomClientId: env.ZOOM_CLIENT_ID ?? DEV_ZOOM_CLIENT_ID,
      zoomClientSecret: env.ZOOM_CLIENT_SECRET ?? DEV_ZOOM_CLIENT_SECRET,
      zoomWebhookSecretToken: env.ZOOM_WEBHOOK_SECRET_TOKEN ?? DEV_ZOOM_WEBHOOK_SECRET_TOKEN,
      // Random per process outside production: sessions and stored tokens do not survive a dev restart.
      sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
      tokenEncryptionKey: (env.TOKEN_ENCRYPTION_KEY ?? randomBytes(32).toString('hex')).toLowerCase(),
      databaseUrl: env.DATABASE_URL,
      ...(env.DATABASE_SCHEMA === undefined ? {} : { databaseSchema: env.DATABASE_SCHEMA }),
      ...(env.REDIS_URL === undefined ? {} : { redisUrl: env.REDIS_URL }),
      redisKeyPrefix: env.REDIS_KEY_PREFIX,
      zoomOauthBaseUrl: env.ZOOM_OAUTH_BASE_URL ?? fakeCloud ?? 'https://zoom.us',
      zoomApiBaseUrl: env.ZOOM_API_BASE_URL ?? (fakeCloud ? `${fakeCloud}/v2` : 'https://api.zoom.us/v2'),
      zoomPkceMethod: env.ZOOM_PKCE_METHOD,
      zoomWebhookMaxAgeSec: env.ZOOM_WEBHOOK_MAX_AGE_SEC,
      zoomWebhookRetryWindowSec: env.ZOOM_WEBHOOK_RETRY_WINDOW_SEC,
      zoomWebhookAllowedCidrs: env.ZOOM_WEBHOOK_ALLOWED_CIDRS,
      zoomWebhookRejectionsPerMin: env.ZOOM_WEBHOOK_REJECTIONS_PER_MIN,
      webhookAuditRetentionDays: env.WEBHOOK_AUDIT_RETENTION_DAYS,
      ...(env.ZOOM_VERIFICATION_TOKEN === undefined ? {} : { zoomVerificationToken: env.ZOOM_VERIFICATION_TOKEN }),
      zoomOauthPendingMax: env.ZOOM_OAUTH_PENDING_MAX,
      zoomDataComplianceCall: env.ZOOM_DATA_COMPLIANCE_CALL === 'true',
      zoomAppContextMaxLifetimeSec: env.ZOOM_APP_CONTEXT_MAX_LIFETIME_SEC,
      trustProxy: env.TRUST_PROXY === undefined || env.TRUST_PROXY === 0 ? false : env.TRUST_PROXY,
      ...(env.SMTP_URL === undefined ? {} : { smtpUrl: env.SMTP_URL }),
      mailFrom: env.MAIL_FROM ?? `Quorum <quorum@${new URL(publicUrl).hostname}>`,
      // In development the summary goes to the fake cloud's receiver so the simulator shows it; tests
      // (NODE_ENV=test) send nothing unless they ask.
      outgoingWebhookUrls:
        env.OUTGOING_WEBHOOK_URLS ?? (env.NODE_ENV === 'development' ? [`${fakeCloud}/hooks/dev`] : []),
      outgoingWebhookSecret: env.OUTGOING_WEBHOOK_SECRET ?? DEV_OUTGOING_WEBHOOK_SECRET,
      deliveryRetryDelaysMs: env.DELIVERY_RETRY_DELAYS_MS,
      tallyWindowMs: env.TALLY_WINDOW_MS,
      anonymousRoomMinVoters: env.ANONYMOUS_ROOM_MIN_VOTERS,
      ballotRateLimit: env.BALLOT_RATE_LIMIT,
      meetingBallotRateLimit: env.MEETING_BALLOT_RATE_LIMIT,
      maxSocketsPerSession: env.MAX_SOCKETS_PER_SESSION,
      sessionTtlSec: env.SESSION_TTL_SEC,
      sessionTokenTtlSec: env.SESSION_TOKEN_TTL_SEC,
      logLevel: env.LOG_LEVEL,
      clientDistDir: env.CLIENT_DIST_DIR === undefined ? DEFAULT_CLIENT_DIST : toAbsolute(env.CLIENT_DIST_DIR),
      isProduction,
    };
  });

/** Reads and validates the environment once; throws an Error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'environment'} ${issue.message}`,
    );
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}

/** A valid config for tests: NODE_ENV test, in-memory SQLite, silent logs, then `overrides`. */
export function testConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = {}): Config {
  // `env` goes through the schema, so values derived from it (e.g. the fake cloud's URLs from PUBLIC_URL) follow.
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: 'sqlite::memory:', ...env });
  const merged = { ...base, ...overrides };
  return Object.freeze({ ...merged, isProduction: overrides.isProduction ?? merged.nodeEnv === 'production' });
}

// `.env` files and shells often leave `FOO=` behind; an empty value means "not set", not "set to ''".
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

function safeProtocol(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return '';
  }
}

function toAbsolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}
