import { type RedisOptions } from 'bullmq';

/** Where a Redis URL points, without credentials: safe to print. */
export interface RedisLocation {
  readonly host: string;
  readonly port: number;
  readonly db: number;
}

const DEFAULT_PORT = 6379;

/** Reads host, port and database index from a redis:// or rediss:// URL. */
export function redisLocation(url: string): RedisLocation {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || '0');
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : DEFAULT_PORT,
    db: Number.isInteger(db) ? db : 0,
  };
}

/** `host:port`, as printed in messages. */
export function redisAddress(location: RedisLocation): string {
  return location.host.includes(':')
    ? `[${location.host}]:${location.port}`
    : `${location.host}:${location.port}`;
}

/**
 * Delay before the next reconnection attempt: quick at first, then every 5 s for as long as Redis
 * stays away. Reconnection never stops; logging is left to the readiness monitor, which reports a
 * lost dependency once rather than once per attempt.
 */
export function reconnectDelay(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempt - 1), 5_000);
}

/**
 * Connection options for BullMQ (ioredis underneath) from REDIS_URL. `maxRetriesPerRequest: null` is what BullMQ's
 * workers require: their blocking commands wait for Redis to come back instead of failing.
 */
export function redisConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const location = redisLocation(url);
  return {
    host: location.host,
    port: location.port,
    db: location.db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: { servername: location.host } } : {}),
    maxRetriesPerRequest: null,
    connectTimeout: 5_000,
    // After a refused connection ioredis still waits this long for a socket that is already gone;
    // kept short so that a process without Redis exits promptly.
    disconnectTimeout: 500,
    retryStrategy: reconnectDelay,
  };
}
