import type { Redis } from 'ioredis';
import { within } from './lease';

/** A vote never waits longer than this on Redis for its budget: past it the caller's own buckets decide. */
const ANSWER_WITHIN_MS = 250;

/**
 * Token buckets in Redis, so a voter's (and a meeting's) ballot budget holds across every instance:
 * the same refill rule as the in-process TokenBucket, on Redis's clock, in one atomic script. KEYS are
 * the buckets to take from in order; the first that is empty stops the take (later ones are not
 * touched) and its 1-based index is returned; 0 means every bucket gave a token.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local per = tonumber(ARGV[1])
local buckets = {}
for i, key in ipairs(KEYS) do
  local cap = tonumber(ARGV[i + 1])
  local b = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(b[1]) or cap
  local at = tonumber(b[2]) or now
  tokens = math.min(cap, tokens + math.max(0, now - at) * cap / per)
  if tokens < 1 then return i end
  buckets[i] = tokens - 1
end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'tokens', tostring(buckets[i]), 'at', tostring(now))
  redis.call('PEXPIRE', key, per)
end
return 0
`;

/** Takes one token from each bucket (key → capacity per `perMs`); resolves with the index of the empty one, or 0. */
export type SharedBuckets = (buckets: readonly { key: string; capacity: number }[], perMs: number) => Promise<number>;

export function sharedBuckets(redis: Redis, prefix: string): SharedBuckets {
  return async (buckets, perMs) => {
    const keys = buckets.map((b) => `${prefix}:bucket:${b.key}`);
    const result = await within(
      redis.eval(TAKE_SCRIPT, keys.length, ...keys, perMs, ...buckets.map((b) => b.capacity)),
      ANSWER_WITHIN_MS,
      'a rate-limit take',
    );
    return Number(result);
  };
}
