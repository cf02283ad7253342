import { type DynamicModule, Module } from '@nestjs/common';
import { type DestinationStream } from 'pino';
import { ConfigModule, type WorkerConfig } from '@bandstand/shared/config';
import { KernelModule } from '@bandstand/shared/event-store';
import { ObservabilityModule, provideDependencyChecks } from '@bandstand/shared/observability';
import { DatabaseCheck, PersistenceModule } from '@bandstand/shared/persistence';
import { QueuesModule, RedisCheck } from '@bandstand/shared/queues';
import { contextModules, persistenceContexts } from './contexts';
import { OpsHttpServer } from './ops-http.server';
import { SERVICE_NAME } from './service-name';

/** Test seams of the worker's root module. */
export interface WorkerModuleOptions {
  /** Where log lines go instead of standard output. */
  readonly logDestination?: DestinationStream;
}

/** The worker's composition root: config, observability, storage, queues, every context's processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({
          service: SERVICE_NAME,
          level: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
          dependencyRetryMs: config.DEPENDENCY_RETRY_MS,
          ...(options.logDestination ? { destination: options.logDestination } : {}),
        }),
        PersistenceModule.forRoot(config, persistenceContexts),
        QueuesModule.forRoot(config),
        KernelModule.forRoot(config, 'worker'),
        ...contextModules,
      ],
      providers: [...provideDependencyChecks([DatabaseCheck, RedisCheck]), OpsHttpServer],
    };
  }
}
