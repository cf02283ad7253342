import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { KERNEL_CONFIG, KERNEL_ROLE, type KernelConfig, type KernelRole } from '../kernel.tokens';
import { CommitListener } from '../notify/commit-notifier';
import { KernelDatabase } from '../sql/kernel-database';
import { EventStore } from '../store/event-store';
import {
  AsyncProjection,
  type AsyncProjectionHandler,
  Processor,
  type ProcessorHandler,
  type SubscriberOptions,
} from './subscriber';
import { type SubscriberDefinition, SubscriptionRunner } from './subscription-runner';

/** Adapts an asynchronous projection provider to the runner. */
export function projectionDefinition(
  options: SubscriberOptions,
  handler: AsyncProjectionHandler,
): SubscriberDefinition {
  return {
    ...options,
    kind: 'projection',
    handleBatch: (events, tx) => handler.handle(events, tx),
    truncate: (tx) => handler.truncate(tx),
  };
}

/** Adapts a processor provider to the runner: one command per event, all in the batch's transaction. */
export function processorDefinition(
  options: SubscriberOptions,
  handler: ProcessorHandler,
): SubscriberDefinition {
  return {
    ...options,
    kind: 'processor',
    handleBatch: async (events, tx) => {
      for (const event of events) await handler.handle(event, tx);
    },
  };
}

/**
 * Runs every asynchronous projection and processor of the process (worker only), each under its own
 * lease, woken by one LISTEN connection.
 */
export class SubscriptionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionHost.name);
  private readonly runners: SubscriptionRunner[] = [];
  private listener: CommitListener | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly db: KernelDatabase,
    private readonly store: EventStore,
    @Inject(KERNEL_ROLE) private readonly role: KernelRole,
    @Inject(KERNEL_CONFIG) private readonly config: KernelConfig,
  ) {}

  /** Every subscriber this process knows, whether or not it runs them. */
  definitions(): SubscriberDefinition[] {
    const definitions: SubscriberDefinition[] = [];
    for (const wrapper of this.discovery.getProviders({ metadataKey: AsyncProjection.KEY })) {
      const options = this.discovery.getMetadataByDecorator(AsyncProjection, wrapper);
      if (options)
        definitions.push(projectionDefinition(options, wrapper.instance as AsyncProjectionHandler));
    }
    for (const wrapper of this.discovery.getProviders({ metadataKey: Processor.KEY })) {
      const options = this.discovery.getMetadataByDecorator(Processor, wrapper);
      if (options) definitions.push(processorDefinition(options, wrapper.instance as ProcessorHandler));
    }
    const names = new Set<string>();
    for (const definition of definitions) {
      if (names.has(definition.name)) throw new Error(`Two subscribers are named ${definition.name}`);
      names.add(definition.name);
    }
    return definitions;
  }

  /** Starts a runner for an extra subscriber (kernel-owned ones, tests). */
  add(definition: SubscriberDefinition): SubscriptionRunner {
    const runner = new SubscriptionRunner(this.db, this.store, this.listener, definition);
    this.runners.push(runner);
    runner.start();
    return runner;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.role !== 'worker') return;
    const definitions = this.definitions();
    if (definitions.length === 0) return;
    this.listener = new CommitListener(this.config.DATABASE_URL);
    await this.listener.start();
    for (const definition of definitions) this.add(definition);
    this.logger.log(
      `Running ${definitions.length} subscriber(s): ${definitions.map((d) => d.name).join(', ')}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.listener?.stop();
  }
}

/** The subscription runners of the worker (see {@link SubscriptionHost}). */
@Module({ providers: [SubscriptionHost], exports: [SubscriptionHost] })
export class SubscriptionsModule {}
