import { principalOf } from '@bandstand/shared/access';
import { type FastifyRequest } from 'fastify';
import { DEVELOPMENT_EVENT_STORE_KEY } from '@bandstand/shared/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { CommandModule } from './command/command.module';
import { KERNEL_CLOCK_SOURCE, type KernelClock } from './command/kernel-clock';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IntegrityModule } from './integrity/integrity.module';
import { JobsModule } from './jobs/jobs.module';
import { KERNEL_CONFIG, KERNEL_ROLE, type KernelConfig, type KernelRole } from './kernel.tokens';
import { CommitNotifier } from './notify/commit-notifier';
import { OperationsModule } from './ops/operations.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { KernelDatabase } from './sql/kernel-database';
import { EventHasher } from './store/event-hasher';
import { EventStore } from './store/event-store';
import { EventSchemaRegistry } from './store/upcasters';

// Re-exported so that both paths keep working; kernel.tokens.ts avoids import cycles inside the lib.
export { KERNEL_CONFIG, KERNEL_ROLE, type KernelConfig, type KernelRole } from './kernel.tokens';

/** The event store key to use, refusing the development default in production. */
export function eventStoreKey(config: KernelConfig): string {
  if (config.NODE_ENV === 'production' && config.EVENT_STORE_KEY === DEVELOPMENT_EVENT_STORE_KEY) {
    throw new Error(
      'EVENT_STORE_KEY must be set to a secret of at least 32 characters in production (it signs every stored event)',
    );
  }
  return config.EVENT_STORE_KEY;
}

/** Choices a composition root may make for its process's kernel. */
export interface KernelOptions {
  /** The command path's clock instead of the system clock (the demo seed writes history with it). */
  readonly clock?: KernelClock;
}

/** The kernel's core services, global so that every module (the kernel's own included) can inject them. */
@Module({})
export class KernelCoreModule {
  static forRoot(config: KernelConfig, role: KernelRole, options: KernelOptions = {}): DynamicModule {
    return {
      module: KernelCoreModule,
      global: true,
      imports: [CqrsModule.forRoot(), DiscoveryModule],
      providers: [
        ...(options.clock === undefined ? [] : [{ provide: KERNEL_CLOCK_SOURCE, useValue: options.clock }]),
        { provide: KERNEL_CONFIG, useValue: config },
        { provide: KERNEL_ROLE, useValue: role },
        {
          provide: KernelDatabase,
          useFactory: (orm: MikroORM) => new KernelDatabase(orm),
          inject: [MikroORM],
        },
        { provide: EventHasher, useFactory: () => new EventHasher(eventStoreKey(config)) },
        { provide: EventSchemaRegistry, useValue: new EventSchemaRegistry() },
        {
          provide: CommitNotifier,
          useFactory: () => new CommitNotifier(config.DATABASE_URL),
          inject: [KernelDatabase],
        },
        {
          provide: EventStore,
          useFactory: (
            db: KernelDatabase,
            hasher: EventHasher,
            schemas: EventSchemaRegistry,
            notifier: CommitNotifier,
          ) => new EventStore(db, hasher, schemas, notifier),
          inject: [KernelDatabase, EventHasher, EventSchemaRegistry, CommitNotifier],
        },
      ],
      exports: [
        ...(options.clock === undefined ? [] : [KERNEL_CLOCK_SOURCE]),
        KERNEL_CONFIG,
        KERNEL_ROLE,
        KernelDatabase,
        EventHasher,
        EventSchemaRegistry,
        CommitNotifier,
        EventStore,
        CqrsModule,
        DiscoveryModule,
      ],
    };
  }
}

/** Idempotency keys are scoped to the signed-in user the AccessGuard established; anonymous callers share one space. */
function idempotencyCaller(request: FastifyRequest): string | undefined {
  const principal = principalOf(request);
  return principal === null ? undefined : `user:${principal.userId}`;
}

/**
 * The event-sourcing kernel for a process: the event store, the command path's building blocks and
 * the database access they share. Global, so that every context's server module can inject them.
 * Needs PersistenceModule (MikroORM) in the same process. Each area is its own module; background
 * work checks {@link KERNEL_ROLE}.
 */
@Module({})
export class KernelModule {
  static forRoot(config: KernelConfig, role: KernelRole, options: KernelOptions = {}): DynamicModule {
    return {
      module: KernelModule,
      imports: [
        KernelCoreModule.forRoot(config, role, options),
        CommandModule,
        SubscriptionsModule,
        IntegrityModule,
        IdempotencyModule.forRoot({ caller: idempotencyCaller }),
        JobsModule,
        OperationsModule,
        AuditModule,
      ],
    };
  }
}
