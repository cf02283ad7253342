import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';

/** The Redis tests use: REDIS_URL, or the local default. */
export function testRedisUrl(): string {
  return process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
}

/** A queue prefix no other test uses; valid as QUEUE_PREFIX. */
export function testQueuePrefix(): string {
  return `bandstand-test-${randomBytes(6).toString('hex')}`;
}

/** Deletes every key under `prefix:` (what BullMQ wrote for that prefix). */
export async function removeRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}
