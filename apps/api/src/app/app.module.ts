import { type DynamicModule, Module } from '@nestjs/common';
import { catalogPersistence, CatalogModule } from '@bandstand/catalog/server';
import { identityPersistence, IdentityModule } from '@bandstand/identity/server';
import { AccessModule } from '@bandstand/shared/access';
import { type ApiConfig, ConfigModule } from '@bandstand/shared/config';
import { HealthController, MetricsController } from '@bandstand/shared/http';
import { ObservabilityModule, provideDependencyChecks } from '@bandstand/shared/observability';
import { kernelPersistence, KernelModule } from '@bandstand/shared/event-store';
import { DatabaseCheck, PersistenceModule, platformPersistence } from '@bandstand/shared/persistence';
import { QueuesModule, RedisCheck } from '@bandstand/shared/queues';
import { SERVICE_NAME } from './build-info';
import { MetaController } from './meta/meta.controller';

/**
 * The api's composition root: config, observability, storage, queues, the kernel, access control
 * (deny by default) and each context's HTTP endpoints.
 */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({
          service: SERVICE_NAME,
          level: config.LOG_LEVEL,
          nodeEnv: config.NODE_ENV,
          dependencyRetryMs: config.DEPENDENCY_RETRY_MS,
        }),
        PersistenceModule.forRoot(config, [
          platformPersistence,
          kernelPersistence,
          identityPersistence,
          catalogPersistence,
        ]),
        QueuesModule.forRoot(config),
        KernelModule.forRoot(config, 'api'),
        AccessModule.forRoot(),
        IdentityModule.forRoot('api'),
        CatalogModule.forRoot('api'),
      ],
      controllers: [HealthController, MetricsController, MetaController],
      providers: [...provideDependencyChecks([DatabaseCheck, RedisCheck])],
    };
  }
}
