import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { commonConfigSchema, ConfigModule } from '@bandstand/shared/config';
import {
  CommitNotifier,
  JobScheduler,
  JobsModule,
  KERNEL_CONFIG,
  KERNEL_ROLE,
  KernelDatabase,
  type KernelConfig,
} from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { type ContextPersistence } from '@bandstand/shared/persistence';
import { QueuesModule } from '@bandstand/shared/queues';
import { eventually, removeRedisKeys, testQueuePrefix, testRedisUrl } from '@bandstand/shared/testing';
import { MAIL_OUTBOX, type MailOutbox } from '../../ports/mail.port';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { vaultArea } from '../vault/vault.area';
import { vaultTables } from '../vault/vault.tables';
import { IdentityMailComposer } from './identity-mail.composer';
import { IdentityMail } from './identity-mail.service';
import { mailArea } from './mail.area';
import { sendMailJob } from './send-mail.job';

const vaultPersistence: ContextPersistence = {
  context: 'identity',
  schema: 'identity',
  entities: vaultTables.entities,
  migrations: vaultTables.migrations,
};

interface OutboxRow {
  readonly job_id: string;
  readonly status: string;
  readonly attempts: number;
  readonly data: unknown;
  readonly cause: unknown;
  readonly result: unknown;
  readonly last_error: string | null;
}

/** The kernel core's tokens on the test harness, as KernelCoreModule provides them in the worker. */
@Global()
@Module({})
class TestKernelCore {
  static on(kernel: KernelTestHarness): DynamicModule {
    const config: KernelConfig = {
      NODE_ENV: 'test',
      EVENT_STORE_KEY: TEST_EVENT_STORE_KEY,
      DATABASE_URL: kernel.database.url,
    };
    return {
      module: TestKernelCore,
      providers: [
        { provide: KERNEL_CONFIG, useValue: config },
        { provide: KERNEL_ROLE, useValue: 'worker' },
        { provide: KernelDatabase, useValue: kernel.db },
        { provide: CommitNotifier, useValue: kernel.notifier },
      ],
      exports: [KERNEL_CONFIG, KERNEL_ROLE, KernelDatabase, CommitNotifier],
    };
  }
}

class Rollback extends Error {}

describe('identity.send-mail (end to end: outbox table, BullMQ, worker, mailer)', () => {
  let kernel: KernelTestHarness;
  let moduleRef: TestingModule;
  let mailDir: string;
  const prefix = testQueuePrefix();
  let mail: IdentityMail;
  let outbox: MailOutbox;
  let vault: PersonalDataVault;
  const mails = new IdentityMailComposer();

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [vaultPersistence] });
    mailDir = await mkdtemp(join(tmpdir(), 'bandstand-send-mail-'));
    const config = commonConfigSchema.parse({
      NODE_ENV: 'test',
      DATABASE_URL: kernel.database.url,
      MAIL_TRANSPORT: 'outbox',
      MAIL_OUTBOX_DIR: mailDir,
      PERSONAL_DATA_KEY: 'send-mail-test-personal-data-key-0123456789',
    });
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        TestKernelCore.on(kernel),
        QueuesModule.forRoot({ REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix }),
        JobsModule.withSettings({
          dispatchPollMs: 100,
          redisCheckMs: 100,
          runLeaseMs: 2_000,
          busyRecheckMs: 100,
        }),
      ],
      providers: [...vaultArea.providers, ...mailArea.providers],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    mail = moduleRef.get(IdentityMail);
    outbox = moduleRef.get<MailOutbox>(MAIL_OUTBOX);
    vault = moduleRef.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
  });

  afterAll(async () => {
    await moduleRef.close();
    await removeRedisKeys(testRedisUrl(), prefix);
    await kernel.close();
    await rm(mailDir, { recursive: true, force: true });
  });

  function rowsOf(jobId: string): Promise<OutboxRow[]> {
    return kernel.db.queryOnPool<OutboxRow>(
      `select job_id, status, attempts, data, cause, result, last_error
         from kernel.job_outbox where queue = $1 and job_id = $2`,
      [sendMailJob.name, jobId],
    );
  }

  async function mailsTo(to: string): Promise<number> {
    return (await outbox.list()).filter((message) => message.to === to).length;
  }

  it('sends a mail scheduled in a committed transaction, with nothing personal readable in the outbox table', async () => {
    const userId = randomUUID();
    const to = `ann-${userId}@example.org`;
    const link = `http://localhost:3000/fan/verify-email?token=${randomUUID()}`;
    const scheduled = await kernel.db.transaction(() =>
      mail.send(userId, mails.verifyEmail({ to, displayName: 'Ann Example', link }), {
        causationId: randomUUID(),
        purpose: 'verify-email',
      }),
    );
    expect(scheduled.created).toBe(true);

    const [sent] = await eventually(async () => {
      const listed = (await outbox.list()).filter((message) => message.to === to);
      expect(listed).toHaveLength(1);
      return listed;
    }, 15_000);
    expect(sent?.subject).toBe('Confirm your e-mail address for Bandstand');
    expect(sent?.text).toContain(link);
    expect(sent?.text).toContain('Hello Ann Example,');

    const [row] = await eventually(async () => {
      const rows = await rowsOf(scheduled.jobId);
      expect(rows[0]?.status).toBe('completed');
      return rows;
    });
    expect(row?.result).toEqual({ sent: true });
    const stored = JSON.stringify(row);
    for (const secret of [to, link, 'Ann Example', 'Confirm your e-mail'])
      expect(stored).not.toContain(secret);
    expect(row?.data).toEqual({ subjectId: userId, sealed: expect.stringMatching(/^pd1:/) as unknown });
  });

  it('sends nothing when the transaction rolls back', async () => {
    const userId = randomUUID();
    const to = `rolled-back-${userId}@example.org`;
    let jobId = '';
    await expect(
      kernel.db.transaction(async () => {
        jobId = (await mail.send(userId, mails.passwordChanged({ to }), { causationId: randomUUID() })).jobId;
        throw new Rollback();
      }),
    ).rejects.toThrow(Rollback);
    await expect(rowsOf(jobId)).resolves.toEqual([]);
    // Give a wrongly dispatched job time to show up before concluding.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(mailsTo(to)).resolves.toBe(0);
  });

  it('sends one mail for one cause, however often the command runs', async () => {
    const userId = randomUUID();
    const to = `once-${userId}@example.org`;
    const cause = { causationId: randomUUID(), purpose: 'password-reset' };
    const message = mails.passwordReset({ to, link: 'http://localhost:3000/fan/reset-password?token=x' });
    const first = await kernel.db.transaction(() => mail.send(userId, message, cause));
    const again = await kernel.db.transaction(() => mail.send(userId, message, cause));
    expect(again).toEqual({ ...first, created: false });
    await eventually(async () => expect((await rowsOf(first.jobId))[0]?.status).toBe('completed'), 15_000);
    await expect(mailsTo(to)).resolves.toBe(1);
    // Another purpose of the same cause is another mail.
    const other = await mail.send(userId, mails.passwordChanged({ to }), { causationId: cause.causationId });
    expect(other.jobId).not.toBe(first.jobId);
    await eventually(async () => expect(await mailsTo(to)).toBe(2), 15_000);
  });

  it('completes without sending when the subject was shredded before the job ran', async () => {
    const userId = randomUUID();
    const to = `shredded-${userId}@example.org`;
    const scheduled = await kernel.db.transaction(async () => {
      const job = await mail.send(userId, mails.passwordChanged({ to }), { causationId: randomUUID() });
      // The account is deleted in the same transaction, before any worker could run the job.
      await vault.shred(userId);
      return job;
    });
    const [row] = await eventually(async () => {
      const rows = await rowsOf(scheduled.jobId);
      expect(rows[0]?.status).toBe('completed');
      return rows;
    }, 15_000);
    expect(row?.result).toEqual({ sent: false, reason: 'shredded' });
    await expect(mailsTo(to)).resolves.toBe(0);
  });

  it('fails a job whose sealed message was tampered with, at once and without sending', async () => {
    const userId = randomUUID();
    const sealed = await vault.seal(userId, JSON.stringify(mails.passwordChanged({ to: 'x@example.org' })));
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    const scheduled = await moduleRef
      .get(JobScheduler)
      .schedule(sendMailJob, { subjectId: userId, sealed: tampered }, { cause: [randomUUID()] });
    const [row] = await eventually(async () => {
      const rows = await rowsOf(scheduled.jobId);
      expect(rows[0]?.status).toBe('failed');
      return rows;
    }, 15_000);
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toContain('cannot be opened');
    await expect(mailsTo('x@example.org')).resolves.toBe(0);
  });
});
