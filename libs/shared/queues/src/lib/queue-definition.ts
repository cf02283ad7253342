import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule } from '@nestjs/common';
import { type DefaultJobOptions } from 'bullmq';
import { useReportingClasses } from './reporting-classes';

/** A queue's name and job options, declared once next to its processor. */
export interface QueueDefinition {
  readonly name: string;
  readonly defaultJobOptions: Readonly<DefaultJobOptions>;
}

// BullMQ joins prefix, queue name and job id with ':' in its keys.
const QUEUE_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * Declares a queue: `defineQueue({ name: 'royalties.statements', defaultJobOptions: { attempts: 5 } })`.
 * Names are lower-case words separated by dots or dashes, prefixed by the owning context.
 * Completed and failed jobs are kept for a bounded time unless the definition says otherwise.
 */
export function defineQueue(definition: {
  name: string;
  defaultJobOptions?: DefaultJobOptions;
}): QueueDefinition {
  if (!QUEUE_NAME.test(definition.name)) {
    throw new Error(
      `Queue name "${definition.name}" is not allowed: use lower-case letters, digits and dashes, in dot-separated parts (like "royalties.statements")`,
    );
  }
  return Object.freeze({
    name: definition.name,
    defaultJobOptions: Object.freeze({
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      ...definition.defaultJobOptions,
    }),
  });
}

/** Registers queues with their declared job options, for `@InjectQueue(definition.name)` and `@Processor(definition.name)`. */
export function registerQueues(...definitions: readonly QueueDefinition[]): DynamicModule {
  useReportingClasses();
  return BullModule.registerQueue(
    ...definitions.map((definition) => ({
      name: definition.name,
      defaultJobOptions: { ...definition.defaultJobOptions },
    })),
  );
}
