import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimited } from '@bandstand/shared/access';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { type RateLimitAction } from '../../ports/rate-limit.port';
import { clientKeys, emailKey } from './client-keys';
import { IdentityRedis } from './identity-redis.provider';
import { RATE_LIMITS, type RateLimit } from './rate-limits';
import { RedisRateLimiter } from './redis-rate-limiter.service';

const limits = (
  override: Partial<Record<RateLimitAction, RateLimit>>,
): Record<RateLimitAction, RateLimit> => ({
  ...RATE_LIMITS,
  ...override,
});

async function refusal(attempt: Promise<void>): Promise<RateLimited> {
  const error: unknown = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof RateLimited)) throw new Error(`Expected RateLimited, got ${String(error)}`);
  return error;
}

describe('RedisRateLimiter (real Redis)', () => {
  const url = testRedisUrl();
  const prefix = testQueuePrefix();
  const connections: IdentityRedis[] = [];

  const replica = (settings: ConstructorParameters<typeof RedisRateLimiter>[1] = {}): RedisRateLimiter => {
    const redis = new IdentityRedis({ REDIS_URL: url, QUEUE_PREFIX: prefix });
    connections.push(redis);
    return new RedisRateLimiter(redis, settings);
  };
  const admin = new IdentityRedis({ REDIS_URL: url, QUEUE_PREFIX: prefix });
  const digest = (key: string): string => createHash('sha256').update(key).digest('hex');
  const lockKey = (action: RateLimitAction, key: string): string =>
    `${prefix}:ratelimit:${action}:${digest(key)}:lock`;

  afterAll(async () => {
    for (const connection of connections) await connection.onModuleDestroy();
    await admin.onModuleDestroy();
    await removeRedisKeys(url, prefix);
  });

  it('counts attempts of all replicas together', async () => {
    const settings = { limits: limits({ 'sign-in': { limit: 3, windowMs: 60_000 } }) };
    const first = replica(settings);
    const second = replica(settings);
    const keys = ['ip:198.51.100.1'];
    await first.consume('sign-in', keys);
    await second.consume('sign-in', keys);
    await first.consume('sign-in', keys);
    const error = await refusal(second.consume('sign-in', keys));
    expect(error).toMatchObject({ code: 'ACCESS.RATE_LIMITED', status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
    // Another client address and another action are counted apart.
    await first.consume('sign-in', ['ip:198.51.100.2']);
    await first.consume('sign-up', keys);
  });

  it('refuses when any key is over its limit, and then counts the attempt against none', async () => {
    const limiter = replica({ limits: limits({ 'sign-up': { limit: 2, windowMs: 60_000 } }) });
    const email = emailKey('a'.repeat(64));
    await limiter.consume('sign-up', ['ip:203.0.113.1', email]);
    await limiter.consume('sign-up', ['ip:203.0.113.2', email]);
    // The e-mail is used up: a third address is refused because of it ...
    await refusal(limiter.consume('sign-up', ['ip:203.0.113.3', email]));
    // ... and that refusal did not use up the third address's own allowance.
    await limiter.consume('sign-up', ['ip:203.0.113.3']);
    await limiter.consume('sign-up', ['ip:203.0.113.3']);
    await refusal(limiter.consume('sign-up', ['ip:203.0.113.3']));
  });

  it('lets exactly the limit through when attempts race', async () => {
    const limiter = replica({ limits: limits({ siwe: { limit: 10, windowMs: 60_000 } }) });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => limiter.consume('siwe', ['ip:192.0.2.77'])),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RateLimited);
    }
  });

  it('allows attempts again once the sliding window has passed', async () => {
    const limiter = replica({ limits: limits({ 'password-reset': { limit: 2, windowMs: 400 } }) });
    const keys = ['ip:192.0.2.9'];
    await limiter.consume('password-reset', keys);
    await limiter.consume('password-reset', keys);
    await refusal(limiter.consume('password-reset', keys));
    // The previous window still weighs on the next one; after two windows it weighs nothing.
    await sleep(850);
    await limiter.consume('password-reset', keys);
  });

  it('doubles the lock-out with each failure, up to the cap, and a success clears it', async () => {
    const limiter = replica({ failureDelay: { firstMs: 1_000, maxMs: 5_000, memoryMs: 60_000 } });
    const keys = clientKeys({ ip: '192.0.2.50' }, [emailKey('b'.repeat(64))]);
    const ttls: number[] = [];
    for (let failure = 1; failure <= 5; failure++) {
      await limiter.recordFailure('sign-in', keys);
      ttls.push(await admin.redis.pttl(lockKey('sign-in', 'ip:192.0.2.50')));
    }
    const expected = [1_000, 2_000, 4_000, 5_000, 5_000];
    ttls.forEach((ttl, index) => {
      expect(ttl).toBeLessThanOrEqual(expected[index] ?? 0);
      expect(ttl).toBeGreaterThan((expected[index] ?? 0) - 500);
    });
    // Both keys are locked: the address ...
    expect((await refusal(limiter.consume('sign-in', ['ip:192.0.2.50']))).retryAfterSeconds).toBe(5);
    // ... and the e-mail, from any other address.
    await refusal(limiter.consume('sign-in', ['ip:192.0.2.51', emailKey('b'.repeat(64))]));
    // Another action is not locked.
    await limiter.consume('siwe', keys);

    await limiter.clearFailures('sign-in', keys);
    await limiter.consume('sign-in', keys);
    // Failures start again from the first delay.
    await limiter.recordFailure('sign-in', keys);
    const ttl = await admin.redis.pttl(lockKey('sign-in', 'ip:192.0.2.50'));
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(1_000);
    expect((await refusal(limiter.consume('sign-in', keys))).retryAfterSeconds).toBe(1);
  });

  it('lets a key try again once its lock-out has run out', async () => {
    const limiter = replica({ failureDelay: { firstMs: 200, maxMs: 1_000, memoryMs: 60_000 } });
    const keys = ['ip:192.0.2.60'];
    await limiter.recordFailure('sign-in', keys);
    await refusal(limiter.consume('sign-in', keys));
    await sleep(300);
    await limiter.consume('sign-in', keys);
  });

  it('keeps neither addresses nor digests in the clear, and gives every key a TTL', async () => {
    const limiter = replica();
    await limiter.consume('sign-in', ['ip:192.0.2.99', emailKey('c'.repeat(64))]);
    await limiter.recordFailure('sign-in', ['ip:192.0.2.99']);
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await admin.redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(new RegExp(`^${prefix}:ratelimit:[a-z-]+:[0-9a-f]{64}(:lock|:failures)?$`));
      const ttl = await admin.redis.pttl(key);
      expect({ key, hasTtl: ttl > 0 }).toEqual({ key, hasTtl: true });
    }
  });

  it('refuses empty keys and does nothing without keys', async () => {
    const limiter = replica();
    await expect(limiter.consume('sign-in', [''])).rejects.toThrow(TypeError);
    await expect(limiter.consume('sign-in', [])).resolves.toBeUndefined();
  });
});
