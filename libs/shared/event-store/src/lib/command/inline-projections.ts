import { Logger, type OnModuleInit } from '@nestjs/common';
import { type DiscoveryService } from '@nestjs/core';
import { type KernelTransaction } from '../sql/kernel-database';
import { type StoredEvent } from '../store/event';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type InlineProjectionOptions,
} from '../subscriptions/subscriber';

interface Registered {
  readonly name: string;
  readonly eventTypes: ReadonlySet<string> | undefined;
  readonly handler: InlineProjectionHandler;
}

/**
 * The inline projections the command path runs, in registration order, inside the command's
 * transaction: each one gets the appended events of the types it asked for (all when it named none).
 */
export class InlineProjections {
  private readonly registered: Registered[] = [];

  register(options: InlineProjectionOptions, handler: InlineProjectionHandler): this {
    if (typeof options.name !== 'string' || options.name === '') {
      throw new TypeError('An inline projection needs a name');
    }
    if (this.registered.some((each) => each.name === options.name)) {
      throw new Error(`Two inline projections are named "${options.name}"`);
    }
    const eventTypes = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
    this.registered.push({ name: options.name, eventTypes, handler });
    return this;
  }

  get names(): readonly string[] {
    return this.registered.map((each) => each.name);
  }

  /** Lets every projection handle its share of `events`; a projection's error fails the command. */
  async apply(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const { eventTypes, handler } of this.registered) {
      const relevant =
        eventTypes === undefined ? events : events.filter((event) => eventTypes.has(event.type));
      if (relevant.length > 0) await handler.handle(relevant, tx);
    }
  }
}

function isInlineProjectionHandler(instance: unknown): instance is InlineProjectionHandler {
  return (
    typeof instance === 'object' &&
    instance !== null &&
    typeof (instance as { handle?: unknown }).handle === 'function'
  );
}

/** Finds the providers marked with {@link InlineProjection} once every module's providers exist. */
export class InlineProjectionDiscovery implements OnModuleInit {
  private readonly logger = new Logger(InlineProjectionDiscovery.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly projections: InlineProjections,
  ) {}

  onModuleInit(): void {
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: InlineProjection.KEY })) {
      const options = this.discovery.getMetadataByDecorator(InlineProjection, wrapper);
      if (!wrapper.isDependencyTreeStatic() || wrapper.isTransient) {
        throw new Error(`Inline projection ${wrapper.name} must be a singleton provider`);
      }
      const instance: unknown = wrapper.instance;
      if (seen.has(instance)) continue;
      seen.add(instance);
      if (options === undefined || !isInlineProjectionHandler(instance)) {
        throw new Error(`Inline projection ${wrapper.name} must implement InlineProjectionHandler`);
      }
      this.projections.register(options, instance);
    }
    this.logger.debug(`Inline projections: ${this.projections.names.join(', ') || 'none'}`);
  }
}
