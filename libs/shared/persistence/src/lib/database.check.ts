import { MikroORM } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { type DependencyCheck } from '@bandstand/shared/observability';
import { type PersistenceConfig, PERSISTENCE_CONFIG } from './persistence-settings';
import { postgresUnavailable } from './postgres-problem';

/** How long `select 1` may take before readiness reports PostgreSQL as down. */
export const DATABASE_CHECK_TIMEOUT_MS = 2_000;

class CheckTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/** Readiness check for PostgreSQL: `select 1` through the app's own pool, with a short timeout. */
@Injectable()
export class DatabaseCheck implements DependencyCheck {
  readonly name = 'postgres';

  constructor(
    private readonly orm: MikroORM,
    @Inject(PERSISTENCE_CONFIG) private readonly config: PersistenceConfig,
  ) {}

  async check(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CheckTimeoutError(`no answer within ${DATABASE_CHECK_TIMEOUT_MS} ms`)),
        DATABASE_CHECK_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.orm.em.getConnection().execute('select 1', [], 'get'), timeout]);
    } catch (error) {
      throw postgresUnavailable(error, this.config.DATABASE_URL);
    } finally {
      clearTimeout(timer);
    }
  }
}
