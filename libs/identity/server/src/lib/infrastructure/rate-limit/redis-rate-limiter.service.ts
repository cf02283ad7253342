import { createHash } from 'node:crypto';
import { RateLimited } from '@bandstand/shared/access';
import { type RateLimitAction, type RateLimiter } from '../../ports/rate-limit.port';
import { type IdentityRedis, RedisScript } from './identity-redis.provider';
import { FAILURE_DELAY, type FailureDelay, type RateLimit, RATE_LIMITS } from './rate-limits';

// Sliding window approximated from two fixed windows: the previous window's count weighted by the
// part of it still inside the sliding window, plus the current count. The time is Redis's, so
// that replicas with different clocks agree. An attempt is counted only if every key allows it
// and none is locked; otherwise the script answers how many milliseconds to wait.
// KEYS: per key, its counter (hash w/c/p) and its lock. ARGV: limit, window in ms.
const CONSUME = new RedisScript(`
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local index = math.floor(now / window)
local into = now - index * window
local wait = 0
local counts = {}
for i = 1, #KEYS, 2 do
  local locked = redis.call('PTTL', KEYS[i + 1])
  if locked > wait then wait = locked end
  local fields = redis.call('HMGET', KEYS[i], 'w', 'c', 'p')
  local w = tonumber(fields[1])
  local c = tonumber(fields[2]) or 0
  local p = tonumber(fields[3]) or 0
  if w == index - 1 then
    p = c
    c = 0
  elseif w ~= index then
    p = 0
    c = 0
  end
  counts[i] = { c, p }
  if p * (window - into) / window + c + 1 > limit then
    local needed
    if c + 1 > limit then
      needed = (window - into) + window * (1 - (limit - 1) / c)
    else
      needed = window * (1 - (limit - 1 - c) / p) - into
    end
    needed = math.max(1, math.ceil(needed))
    if needed > wait then wait = needed end
  end
end
if wait > 0 then return wait end
for i = 1, #KEYS, 2 do
  redis.call('HSET', KEYS[i], 'w', index, 'c', counts[i][1] + 1, 'p', counts[i][2])
  redis.call('PEXPIRE', KEYS[i], 2 * window)
end
return 0
`);

// KEYS: per key, its failure count and its lock. ARGV: first delay, longest delay, memory (ms).
// Returns the longest lock set.
const RECORD_FAILURE = new RedisScript(`
local first = tonumber(ARGV[1])
local longest = tonumber(ARGV[2])
local memory = tonumber(ARGV[3])
local result = 0
for i = 1, #KEYS, 2 do
  local failures = redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], memory)
  local delay = math.min(first * 2 ^ math.min(failures - 1, 40), longest)
  delay = math.floor(delay)
  redis.call('SET', KEYS[i + 1], failures, 'PX', delay)
  if delay > result then result = delay end
end
return result
`);

/** Settings of {@link RedisRateLimiter}; tests shorten the windows and delays. */
export interface RedisRateLimiterSettings {
  readonly limits?: Readonly<Record<RateLimitAction, RateLimit>>;
  readonly failureDelay?: FailureDelay;
}

/**
 * Rate limits and progressive delays in Redis, shared by every api replica. Keys are stored as
 * sha256 digests (`<prefix>:ratelimit:<action>:<digest>`), so Redis holds no client address or
 * e-mail digest in the clear; every key has a TTL. When Redis is unreachable the attempt fails
 * (closed) rather than going unlimited.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly limits: Readonly<Record<RateLimitAction, RateLimit>>;
  private readonly failureDelay: FailureDelay;

  constructor(
    private readonly redis: IdentityRedis,
    settings: RedisRateLimiterSettings = {},
  ) {
    this.limits = settings.limits ?? RATE_LIMITS;
    this.failureDelay = settings.failureDelay ?? FAILURE_DELAY;
  }

  async consume(action: RateLimitAction, keys: readonly string[]): Promise<void> {
    const { limit, windowMs } = this.limits[action];
    const redisKeys = this.keysOf(action, keys).flatMap((base) => [base, `${base}:lock`]);
    if (redisKeys.length === 0) return;
    const wait = Number(await CONSUME.run(this.redis.redis, redisKeys, [limit, windowMs]));
    if (wait > 0) throw new RateLimited(wait / 1000);
  }

  async recordFailure(action: RateLimitAction, keys: readonly string[]): Promise<void> {
    const { firstMs, maxMs, memoryMs } = this.failureDelay;
    const redisKeys = this.keysOf(action, keys).flatMap((base) => [`${base}:failures`, `${base}:lock`]);
    if (redisKeys.length === 0) return;
    await RECORD_FAILURE.run(this.redis.redis, redisKeys, [firstMs, maxMs, memoryMs]);
  }

  async clearFailures(action: RateLimitAction, keys: readonly string[]): Promise<void> {
    const redisKeys = this.keysOf(action, keys).flatMap((base) => [`${base}:failures`, `${base}:lock`]);
    if (redisKeys.length === 0) return;
    await this.redis.redis.del(...redisKeys);
  }

  private keysOf(action: RateLimitAction, keys: readonly string[]): string[] {
    const unique = [...new Set(keys)];
    for (const key of unique) {
      if (key === '') throw new TypeError('A rate-limit key cannot be empty');
    }
    return unique.map((key) =>
      this.redis.key('ratelimit', action, createHash('sha256').update(key, 'utf8').digest('hex')),
    );
  }
}
