import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type DependencyCheck } from '@bandstand/shared/observability';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from './redis-connection';
import { describeRedisProblem, RedisUnavailableError } from './redis-problem';
import { type QueuesConfig, QUEUES_CONFIG } from './queues-settings';

/** How long PING may take before readiness reports Redis as down. */
export const REDIS_CHECK_TIMEOUT_MS = 2_000;

class CheckTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * Readiness check for Redis: PING on a connection of its own that fails fast (no offline queue,
 * no background reconnection). While Redis is away every check makes one fresh attempt, so a
 * check answers at once and sees Redis again as soon as it is back.
 */
@Injectable()
export class RedisCheck implements DependencyCheck, OnApplicationShutdown {
  readonly name = 'redis';
  private readonly client: Redis;
  private lastError: unknown;

  constructor(@Inject(QUEUES_CONFIG) private readonly config: QueuesConfig) {
    this.client = new Redis({
      ...redisConnectionOptions(config.REDIS_URL),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
      connectTimeout: REDIS_CHECK_TIMEOUT_MS,
      connectionName: 'bandstand-readiness',
    });
    // ioredis rejects connect() with a generic "Connection is closed"; the cause comes as an event.
    this.client.on('error', (error: unknown) => {
      this.lastError = error;
    });
  }

  async check(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CheckTimeoutError(`no answer within ${REDIS_CHECK_TIMEOUT_MS} ms`)),
        REDIS_CHECK_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.ping(), timeout]);
    } catch (error) {
      const cause = this.lastError ?? error;
      throw new RedisUnavailableError(describeRedisProblem(cause, this.config.REDIS_URL), { cause });
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }

  private async ping(): Promise<void> {
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.lastError = undefined;
      await this.client.connect();
    } else if (this.client.status !== 'ready') {
      await this.readyOrError();
    }
    await this.client.ping();
  }

  private readyOrError(): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error?: Error): void => {
        this.client.off('ready', onReady);
        this.client.off('error', onError);
        this.client.off('end', onEnd);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReady = (): void => settle();
      const onError = (error: Error): void => settle(error);
      const onEnd = (): void => settle(new Error('Connection is closed.'));
      this.client.once('ready', onReady);
      this.client.once('error', onError);
      this.client.once('end', onEnd);
    });
  }
}
