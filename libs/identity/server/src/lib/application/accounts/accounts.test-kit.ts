import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type OutboxMessage } from '@bandstand/identity/contracts';
import { AccessModule } from '@bandstand/shared/access';
import { type ApiConfig, apiConfigSchema, ConfigModule, loadConfig } from '@bandstand/shared/config';
import {
  KERNEL_CLOCK,
  type KernelClock,
  KernelModule,
  kernelPersistence,
} from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { PersistenceModule, platformPersistence } from '@bandstand/shared/persistence';
import { QueuesModule } from '@bandstand/shared/queues';
import { eventually, removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { IdentityModule } from '../../identity.module';
import { identityPersistence } from '../../infrastructure/identity.persistence';
import { MAIL_OUTBOX, type MailOutbox } from '../../ports/mail.port';

/** A kernel clock running with real time plus an offset the test moves forward. */
export interface AdjustableClock extends KernelClock {
  advance(ms: number): void;
}

function adjustableClock(): AdjustableClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    newId: () => randomUUID(),
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** The api with the identity context on a migrated test database and the real Redis. */
export interface AccountsTestApp {
  readonly app: NestFastifyApplication;
  readonly kernel: KernelTestHarness;
  readonly config: ApiConfig;
  readonly clock: AdjustableClock;
  /** The newest mail to `to` whose subject matches, once the worker side has sent it. */
  mailTo(to: string, subject: RegExp): Promise<OutboxMessage>;
  close(): Promise<void>;
}

/**
 * The api process as `apps/api` builds it (config, observability, persistence, queues, kernel,
 * access guard, identity module with its controllers) on a throwaway database, with the
 * kernel in the worker role too, so that the mail jobs run and land in a temporary outbox
 * directory. The kernel clock is adjustable.
 */
export async function startAccountsTestApp(env: Record<string, string> = {}): Promise<AccountsTestApp> {
  const kernel = await createKernelTestHarness({ contexts: [identityPersistence] });
  const mailDir = await mkdtemp(join(tmpdir(), 'bandstand-mail-'));
  const prefix = testQueuePrefix();
  const config = loadConfig(apiConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: kernel.database.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    EVENT_STORE_KEY: TEST_EVENT_STORE_KEY,
    MAIL_TRANSPORT: 'outbox',
    MAIL_OUTBOX_DIR: mailDir,
    BREACHED_PASSWORDS: 'list',
    PUBLIC_URL: 'http://localhost:3000',
    BODY_LIMIT_BYTES: '16384',
    ...env,
  });
  const clock = adjustableClock();
  const persistence: DynamicModule = PersistenceModule.forRoot(config, [
    platformPersistence,
    kernelPersistence,
    identityPersistence,
  ]);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ObservabilityModule.forRoot({ service: 'api', level: 'warn', destination: new MemoryLogDestination() }),
      persistence,
      QueuesModule.forRoot(config),
      KernelModule.forRoot(config, 'worker'),
      AccessModule.forRoot(),
      IdentityModule.forRoot('api'),
    ],
  })
    .overrideProvider(KERNEL_CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureHttpApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const outbox = app.get<MailOutbox>(MAIL_OUTBOX);
  return {
    app,
    kernel,
    config,
    clock,
    async mailTo(to, subject) {
      return eventually(async () => {
        const message = (await outbox.list()).find((each) => each.to === to && subject.test(each.subject));
        if (message === undefined) throw new Error(`No mail to ${to} about ${String(subject)} yet`);
        return message;
      });
    },
    async close() {
      await app.close();
      await kernel.close();
      await removeRedisKeys(testRedisUrl(), prefix);
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}
