import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { type ContextPersistence, validateContexts } from './context-persistence';
import { DatabaseCheck } from './database.check';
import { ormOptions } from './orm-options';
import { type PersistenceConfig, PERSISTENCE_CONFIG } from './persistence-settings';

/**
 * MikroORM on PostgreSQL for a whole process: every context's entities in one ORM, each mapped to
 * its own schema. The pool connects on first use, so the process starts while PostgreSQL is down;
 * queries fail until it is back and {@link DatabaseCheck} reports it meanwhile.
 */
@Module({})
export class PersistenceModule {
  static forRoot(config: PersistenceConfig, contexts: readonly ContextPersistence[]): DynamicModule {
    validateContexts(contexts);
    const logger = new Logger('MikroORM');
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        MikroOrmModule.forRoot({
          ...ormOptions({
            url: config.DATABASE_URL,
            entities: contexts.flatMap((descriptor) => descriptor.entities),
            poolMax: config.DATABASE_POOL_MAX,
            idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_MS,
            logger: (message) => logger.debug(message),
          }),
        }),
      ],
      providers: [{ provide: PERSISTENCE_CONFIG, useValue: config }, DatabaseCheck],
      exports: [PERSISTENCE_CONFIG, DatabaseCheck],
    };
  }
}
