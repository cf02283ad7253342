import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { redisConnectionOptions } from '@bandstand/shared/queues';
import { Redis } from 'ioredis';

/**
 * The identity context's own Redis connection (rate limits, SIWE nonces), under QUEUE_PREFIX so
 * that every replica of the api shares the keys. It connects on first use: a process that never
 * rate-limits (the worker) never opens it.
 */
@Injectable()
export class IdentityRedis implements OnModuleDestroy {
  /** Prefix of every key this context writes: `<QUEUE_PREFIX>:`. */
  readonly prefix: string;
  private client: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<CommonConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>) {
    this.prefix = config.QUEUE_PREFIX;
  }

  /** The connection; it reconnects by itself, and a command fails after one reconnection attempt. */
  get redis(): Redis {
    this.client ??= new Redis({
      ...redisConnectionOptions(this.config.REDIS_URL),
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectionName: `${this.prefix}:identity`,
    });
    return this.client;
  }

  /** Whether the connection was ever asked for (the worker never does). */
  get opened(): boolean {
    return this.client !== undefined;
  }

  /** `<prefix>:<part>:<part>…`. */
  key(...parts: readonly string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onModuleDestroy(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    if (client.status === 'wait' || client.status === 'end') {
      client.disconnect();
      return;
    }
    await client.quit().catch(() => client.disconnect());
  }
}

/** A Lua script run by EVALSHA, loaded with EVAL when Redis does not know it (yet, or after a restart). */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
