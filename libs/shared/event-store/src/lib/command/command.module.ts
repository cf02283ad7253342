import { Global, Module } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EventBus } from '@nestjs/cqrs';
import { KernelDatabase } from '../sql/kernel-database';
import { EventStore } from '../store/event-store';
import {
  COMMAND_RETRY_POLICY,
  type CommandRetryPolicy,
  DEFAULT_COMMAND_RETRY_POLICY,
  DeciderCommandRunner,
} from './decider-command-runner';
import { InlineProjectionDiscovery, InlineProjections } from './inline-projections';
import { KERNEL_CLOCK, KERNEL_CLOCK_SOURCE, type KernelClock, systemClock } from './kernel-clock';

/**
 * The kernel's command path (docs/contexts/kernel.md): the {@link DeciderCommandRunner} that every
 * context's command handlers use, the inline projections it runs (providers marked with
 * `@InlineProjection`, found at start-up) and the clock it decides with. Global, so that context
 * modules inject the runner without importing this module; its dependencies come from the global
 * KernelCoreModule.
 */
@Global()
@Module({
  providers: [
    {
      provide: KERNEL_CLOCK,
      useFactory: (source?: KernelClock) => source ?? systemClock,
      inject: [{ token: KERNEL_CLOCK_SOURCE, optional: true }],
    },
    { provide: COMMAND_RETRY_POLICY, useValue: DEFAULT_COMMAND_RETRY_POLICY },
    { provide: InlineProjections, useFactory: () => new InlineProjections() },
    {
      provide: InlineProjectionDiscovery,
      useFactory: (discovery: DiscoveryService, projections: InlineProjections) =>
        new InlineProjectionDiscovery(discovery, projections),
      inject: [DiscoveryService, InlineProjections],
    },
    {
      provide: DeciderCommandRunner,
      useFactory: (
        db: KernelDatabase,
        store: EventStore,
        inlineProjections: InlineProjections,
        publisher: EventBus,
        clock: KernelClock,
        retry: CommandRetryPolicy,
      ) => new DeciderCommandRunner({ db, store, inlineProjections, publisher, clock, retry }),
      inject: [KernelDatabase, EventStore, InlineProjections, EventBus, KERNEL_CLOCK, COMMAND_RETRY_POLICY],
    },
  ],
  exports: [DeciderCommandRunner, InlineProjections, KERNEL_CLOCK, COMMAND_RETRY_POLICY],
})
export class CommandModule {}
