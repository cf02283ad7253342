import { createHash } from 'node:crypto';
import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessModule, MEMBERSHIP_LOOKUP, PRINCIPAL_RESOLVER } from '@bandstand/shared/access';
import { TestPrincipalResolver } from '@bandstand/shared/access/testing';
import { startTestHttpApp } from '@bandstand/shared/http/testing';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { CommandBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG } from '@bandstand/shared/config';
import { KERNEL_CLOCK, KernelDatabase, KernelModule, type KernelClock } from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  fixedKernelClock,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { type ContextPersistence } from '@bandstand/shared/persistence';
import { type IdentityArea } from '../../identity-area';
import { IdentityMailComposer } from '../../infrastructure/mail/identity-mail.composer';
import { IdentityMail } from '../../infrastructure/mail/identity-mail.service';
import { PostgresPersonalDataVault } from '../../infrastructure/vault/personal-data.vault';
import { vaultTables } from '../../infrastructure/vault/vault.tables';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { ACCOUNT_DIRECTORY, type AccountDirectory, type AccountRecord } from '../accounts/account-services';
import { accountsTables } from '../accounts/accounts.tables';
import { AccountDirectoryService } from '../accounts/directory/account-directory.service';
import { AccountQueries } from '../accounts/read-models/account-queries';
import { SessionsProjection } from '../accounts/read-models/sessions.projection';
import { UsersProjection } from '../accounts/read-models/users.projection';
import { RevokeSessionHandler } from '../accounts/sessions/revoke-session.handler';
import { StartSessionHandler } from '../accounts/sessions/start-session.handler';
import { RegisterVerifiedAccountHandler } from '../accounts/sign-up/register-verified-account.handler';
import { staffTables } from '../staff/staff.tables';
import { teamsTables } from './teams.tables';

/** The public URL the test apps mail links under. */
export const TEST_PUBLIC_URL = 'https://bandstand.test';
/** The personal-data key of the test apps. */
export const TEST_PERSONAL_DATA_KEY = 'identity-test-personal-data-key-0123456789abcdef';

/**
 * Accounts for the teams and staff tests while the accounts area's directory is not under test:
 * people added by the test, digests as the real directory's (lower-cased, keyed).
 */
export class TestAccountDirectory implements AccountDirectory {
  private readonly accounts = new Map<string, AccountRecord>();

  add(userId: string, email: string, displayName: string): AccountRecord {
    const account = { userId, email, displayName, emailVerified: true, deleted: false };
    this.accounts.set(userId, account);
    return account;
  }

  byId(userId: string): Promise<AccountRecord | null> {
    return Promise.resolve(this.accounts.get(userId) ?? null);
  }

  byEmail(email: string): Promise<AccountRecord | null> {
    const digest = this.emailDigest(email);
    const found = [...this.accounts.values()].find(
      (account) => account.email !== null && this.emailDigest(account.email) === digest,
    );
    return Promise.resolve(found ?? null);
  }

  emailDigest(email: string): string {
    return createHash('sha256').update(`test:${email.trim().toLowerCase()}`).digest('hex');
  }

  registerVerified(): Promise<string> {
    return Promise.reject(new Error('The test directory registers no accounts'));
  }
}

export { TestPrincipalResolver, testAuthorization } from '@bandstand/shared/access/testing';

/** The identity tables the teams and staff areas use, without the other areas' (still being built). */
export const teamsTestPersistence: ContextPersistence = {
  context: 'identity',
  schema: 'identity',
  entities: [...vaultTables.entities, ...teamsTables.entities, ...staffTables.entities],
  migrations: [...vaultTables.migrations, ...teamsTables.migrations, ...staffTables.migrations],
};

/** The identity tables of the vault, accounts, teams and staff areas. */
export const staffTestPersistence: ContextPersistence = {
  context: 'identity',
  schema: 'identity',
  entities: [
    ...vaultTables.entities,
    ...accountsTables.entities,
    ...teamsTables.entities,
    ...staffTables.entities,
  ],
  migrations: [
    ...vaultTables.migrations,
    ...accountsTables.migrations,
    ...teamsTables.migrations,
    ...staffTables.migrations,
  ],
};

/**
 * The accounts area's real directory, read models and session commands, without its endpoints and
 * sign-in machinery: enough to register verified accounts and start and revoke sessions.
 */
export const accountsCoreProviders: readonly Provider[] = [
  AccountQueries,
  UsersProjection,
  SessionsProjection,
  RegisterVerifiedAccountHandler,
  StartSessionHandler,
  RevokeSessionHandler,
  AccountDirectoryService,
  { provide: ACCOUNT_DIRECTORY, useExisting: AccountDirectoryService },
];

/** A Nest app of some identity areas on a throwaway database, with the real kernel, vault and mail. */
export interface IdentityTestApp {
  readonly kernel: KernelTestHarness;
  readonly app: TestingModule;
  readonly commands: CommandBus;
  readonly db: KernelDatabase;
  readonly vault: PersonalDataVault;
  readonly clock: KernelClock;
  /** The Fastify app with the areas' controllers behind the real access guard (with `http: true`). */
  readonly http: NestFastifyApplication | undefined;
  close(): Promise<void>;
}

/** Options of {@link startIdentityTestApp}. */
export interface IdentityTestAppOptions {
  readonly areas: readonly IdentityArea[];
  readonly persistence?: ContextPersistence;
  /** Providers replacing or adding to the areas' (e.g. ACCOUNT_DIRECTORY). */
  readonly providers?: readonly Provider[];
  readonly config?: Readonly<Record<string, unknown>>;
  /** Also serve the areas' controllers over HTTP (Fastify), with {@link TestPrincipalResolver}. */
  readonly http?: boolean;
}

/**
 * Starts `areas` in a Nest testing module with the kernel (api role), a fixed kernel clock, the
 * real personal-data vault and mail scheduling (jobs go to kernel.job_outbox; nothing is sent).
 */
export async function startIdentityTestApp(options: IdentityTestAppOptions): Promise<IdentityTestApp> {
  const kernel = await createKernelTestHarness({ contexts: [options.persistence ?? teamsTestPersistence] });
  const config = {
    NODE_ENV: 'test',
    PUBLIC_URL: TEST_PUBLIC_URL,
    PERSONAL_DATA_KEY: TEST_PERSONAL_DATA_KEY,
    STAFF_APPROVAL_THRESHOLD_MINOR: 10_000,
    ...options.config,
  };
  const clock = fixedKernelClock({ stepMs: 1 });

  @Global()
  @Module({})
  class TestInfrastructureModule {
    static create(): DynamicModule {
      return {
        module: TestInfrastructureModule,
        providers: [
          { provide: MikroORM, useValue: kernel.orm },
          { provide: APP_CONFIG, useValue: config },
          {
            provide: PERSONAL_DATA_VAULT,
            useFactory: (db: KernelDatabase) => new PostgresPersonalDataVault(db, TEST_PERSONAL_DATA_KEY),
            inject: [KernelDatabase],
          },
          IdentityMailComposer,
          IdentityMail,
        ],
        exports: [MikroORM, APP_CONFIG, PERSONAL_DATA_VAULT, IdentityMailComposer, IdentityMail],
      };
    }
  }

  // Global, as the IdentityModule is, so that the access guard finds the membership lookup.
  @Global()
  @Module({})
  class AreasModule {
    static create(): DynamicModule {
      return {
        module: AreasModule,
        imports: options.areas.flatMap((area) => area.imports ?? []),
        providers: [
          ...options.areas.flatMap((area) => area.providers),
          ...(options.providers ?? []),
          ...(options.http === true
            ? [{ provide: PRINCIPAL_RESOLVER, useClass: TestPrincipalResolver }]
            : []),
        ],
        controllers: options.http === true ? options.areas.flatMap((area) => area.controllers ?? []) : [],
        exports: options.http === true ? [MEMBERSHIP_LOOKUP, PRINCIPAL_RESOLVER] : [],
      };
    }
  }

  const app = await Test.createTestingModule({
    imports: [
      TestInfrastructureModule.create(),
      ObservabilityModule.forRoot({ service: 'api', level: 'warn', destination: new MemoryLogDestination() }),
      KernelModule.forRoot(
        { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
        'api',
      ),
      AreasModule.create(),
      ...(options.http === true ? [AccessModule.forRoot()] : []),
    ],
  })
    .overrideProvider(KERNEL_CLOCK)
    .useValue(clock)
    .compile();
  let http: NestFastifyApplication | undefined;
  if (options.http === true) {
    const httpConfig = { PUBLIC_URL: TEST_PUBLIC_URL, CORS_ORIGINS: [], BODY_LIMIT_BYTES: 16_384 };
    http = await startTestHttpApp(app, httpConfig);
  } else {
    app.useLogger(false);
    await app.init();
  }
  return {
    kernel,
    app,
    commands: app.get(CommandBus),
    db: app.get(KernelDatabase),
    vault: app.get<PersonalDataVault>(PERSONAL_DATA_VAULT),
    clock,
    http,
    async close() {
      await (http ?? app).close();
      await kernel.close();
    },
  };
}

/** Test providers for ACCOUNT_DIRECTORY: the given directory. */
export function accountDirectoryProvider(directory: TestAccountDirectory): Provider {
  return { provide: ACCOUNT_DIRECTORY, useValue: directory };
}
