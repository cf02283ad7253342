import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  migrateDatabase,
  type RunningProcess,
  startApi,
  type StartApiOptions,
  startWorker,
} from './processes';
import { createTestDatabase, type TestDatabase } from './test-database';
import { removeRedisKeys, testQueuePrefix, testRedisUrl } from './test-redis';

/** The built api on a fresh, migrated database and its own Redis key prefix: what black-box suites test. */
export interface ApiStack {
  readonly api: RunningProcess;
  readonly database: TestDatabase;
  readonly queuePrefix: string;
  /** The worker, when asked for with `worker: true`. */
  readonly worker: RunningProcess | null;
  /** Where both processes write e-mail (MAIL_TRANSPORT=outbox): one `.eml` file a message. */
  readonly mailDir: string;
  /** Stops the api, drops the database and removes the prefix's Redis keys. */
  stop(): Promise<void>;
}

/** How {@link startApiStack} starts the stack. */
export interface StartApiStackOptions extends StartApiOptions {
  /** Also start the built worker (jobs such as e-mail, projections, processors) on the same stores. */
  readonly worker?: boolean;
}

/**
 * Starts an {@link ApiStack}; `env` adds to (or overrides) the database, Redis, prefix and mail
 * outbox it sets, for the api and the worker alike.
 */
export async function startApiStack(options: StartApiStackOptions = {}): Promise<ApiStack> {
  const database = await createTestDatabase();
  const queuePrefix = testQueuePrefix();
  const mailDir = await mkdtemp(join(tmpdir(), 'bandstand-mail-'));
  let worker: RunningProcess | null = null;
  const cleanUp = async (): Promise<void> => {
    await worker?.stop();
    await database.drop();
    await removeRedisKeys(testRedisUrl(), queuePrefix);
    await rm(mailDir, { recursive: true, force: true });
  };
  try {
    await migrateDatabase(database.url);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: queuePrefix,
      MAIL_TRANSPORT: 'outbox',
      MAIL_OUTBOX_DIR: mailDir,
      ...options.env,
    };
    if (options.worker === true) worker = await startWorker({ env, timeoutMs: options.timeoutMs });
    const api = await startApi({ ...options, env });
    return {
      api,
      database,
      queuePrefix,
      worker,
      mailDir,
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
