import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { redisConnectionOptions } from './redis-connection';
import { RedisCheck } from './redis.check';
import { type QueuesConfig, QUEUES_CONFIG } from './queues-settings';
import { useReportingClasses } from './reporting-classes';

/**
 * BullMQ for a whole process: one Redis connection config from REDIS_URL and the QUEUE_PREFIX for
 * every queue. Contexts add their queues with `registerQueues(...)` and their processors with
 * `@Processor(definition.name)`. A process starts while Redis is down: its connections keep
 * retrying and {@link RedisCheck} reports it meanwhile.
 */
@Module({})
export class QueuesModule {
  static forRoot(config: QueuesConfig): DynamicModule {
    useReportingClasses();
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRoot({
          connection: redisConnectionOptions(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
        }),
      ],
      providers: [{ provide: QUEUES_CONFIG, useValue: config }, RedisCheck],
      exports: [QUEUES_CONFIG, RedisCheck],
    };
  }
}
