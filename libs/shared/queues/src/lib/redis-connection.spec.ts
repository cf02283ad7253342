import fc from 'fast-check';
import { reconnectDelay, redisConnectionOptions, redisLocation } from './redis-connection';
import { describeRedisProblem } from './redis-problem';

describe('Redis connection options', () => {
  it('reads REDIS_URL, credentials included, for workers that wait for Redis', () => {
    const options = redisConnectionOptions('rediss://worker:p%40ss@redis.example:6380/2');
    expect(options).toMatchObject({
      host: 'redis.example',
      port: 6380,
      db: 2,
      username: 'worker',
      password: 'p@ss',
      tls: { servername: 'redis.example' },
      maxRetriesPerRequest: null,
    });
    expect(redisLocation('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
  });

  it('retries forever, never faster than 250 ms nor slower than 5 s, and never sooner than before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (attempt) => {
        const delay = reconnectDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(250);
        expect(delay).toBeLessThanOrEqual(5_000);
        expect(reconnectDelay(attempt + 1)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it('explains problems without printing the password', () => {
    const url = 'redis://:topsecret@10.0.0.5:6379/0';
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6379'), { code: 'ECONNREFUSED' });
    expect(describeRedisProblem(refused, url)).toBe(
      'Redis at 10.0.0.5:6379 is not reachable (ECONNREFUSED): start it (docker compose up -d redis) or point REDIS_URL at your server',
    );
    expect(describeRedisProblem(new Error('WRONGPASS invalid username-password pair'), url)).toBe(
      'Redis at 10.0.0.5:6379 refused the credentials in REDIS_URL: fix the user name or password there',
    );
    expect(describeRedisProblem(new Error('weird topsecret failure'), url)).not.toContain('topsecret');
  });
});
