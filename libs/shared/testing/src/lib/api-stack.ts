import { migrateDatabase, type RunningProcess, startApi, type StartApiOptions } from './processes';
import { createTestDatabase, type TestDatabase } from './test-database';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from './test-redis';

/** The built api on a fresh, migrated database and its own Redis key prefix: what black-box suites test. */
export interface ApiStack {
  readonly api: RunningProcess;
  readonly database: TestDatabase;
  readonly queuePrefix: string;
  /** Stops the api, drops the database and removes the prefix's Redis keys. */
  stop(): Promise<void>;
}

/** Starts an {@link ApiStack}; `env` adds to (or overrides) the database, Redis and prefix it sets. */
export async function startApiStack(options: StartApiOptions = {}): Promise<ApiStack> {
  const database = await createTestDatabase();
  const queuePrefix = testQueuePrefix();
  const cleanUp = async (): Promise<void> => {
    await database.drop();
    await removeRedisKeys(testRedisUrl(), queuePrefix);
  };
  try {
    await migrateDatabase(database.url);
    const api = await startApi({
      ...options,
      env: {
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: queuePrefix,
        ...options.env,
      },
    });
    return {
      api,
      database,
      queuePrefix,
      stop: async () => {
        await api.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
