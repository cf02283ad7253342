import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, type WorkerConfig } from '@bandstand/shared/config';
import { KernelModule } from '@bandstand/shared/event-store';
import { ObservabilityModule } from '@bandstand/shared/observability';
import { PersistenceModule } from '@bandstand/shared/persistence';
import { QueuesModule } from '@bandstand/shared/queues';
import { randomUUID } from 'node:crypto';
import { type SeedApplication, type SeedApplicationHandle, TravellingClock } from '@bandstand/shared/seed';
import { contextModules, persistenceContexts } from './contexts';
import { SERVICE_NAME } from './service-name';

/**
 * What `db:seed` writes event-sourced demo data through: every context's module with the kernel in
 * the api's role (commands, inline projections, job scheduling into the outbox) and nothing running
 * in the background — no subscription runners, no job workers, no metrics server — on a clock the
 * seed moves, so that demo history is written at the instants it describes.
 */
@Module({})
export class SeedApplicationModule {
  static forRoot(config: WorkerConfig, clock: TravellingClock): DynamicModule {
    return {
      module: SeedApplicationModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ service: SERVICE_NAME, level: 'warn', nodeEnv: config.NODE_ENV }),
        PersistenceModule.forRoot(config, persistenceContexts),
        QueuesModule.forRoot(config),
        KernelModule.forRoot(config, 'api', { clock }),
        ...contextModules,
      ],
    };
  }
}

/** Starts {@link SeedApplicationModule}; the seed run closes it when it ends. */
export async function startSeedApplication(config: WorkerConfig): Promise<SeedApplicationHandle> {
  const clock = new TravellingClock(randomUUID);
  const app = await NestFactory.createApplicationContext(SeedApplicationModule.forRoot(config, clock), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  await app.init();
  const get = <T>(token: (abstract new (...args: never[]) => T) | symbol | string): T =>
    app.get<T>(token, { strict: false });
  const application: SeedApplication = { get, clock };
  return { app: application, close: () => app.close() };
}
