import { randomUUID } from 'node:crypto';
import { type DynamicModule, Global, Injectable, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModule } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  AccessModule,
  MEMBERSHIP_LOOKUP,
  type MembershipLookup,
  PRINCIPAL_RESOLVER,
} from '@bandstand/shared/access';
import { TestPrincipalResolver, testAuthorization } from '@bandstand/shared/access/testing';
import {
  type Artist,
  type ArtistInput,
  orgCatalogPath,
  type ReleaseDetail,
  type ReleaseDraftInput,
} from '@bandstand/catalog/contracts';
import { gtinCheckDigit } from '@bandstand/catalog/domain';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type OrgRole, type StaffRole } from '@bandstand/shared/contracts';
import { KERNEL_CLOCK, KernelDatabase, KernelModule, type KernelClock } from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { startTestHttpApp } from '@bandstand/shared/http/testing';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { type CatalogArea } from '../catalog-area';
import { catalogPersistence } from '../infrastructure/catalog.persistence';

/** The public URL of the test apps. */
export const CATALOG_TEST_PUBLIC_URL = 'https://bandstand.test';

/** Team roles for the test app's access guard, set by the test (the identity context's stand-in). */
@Injectable()
export class TestMemberships implements MembershipLookup {
  private readonly roles = new Map<string, OrgRole>();

  set(orgId: string, userId: string, role: OrgRole | null): void {
    if (role === null) this.roles.delete(`${orgId}/${userId}`);
    else this.roles.set(`${orgId}/${userId}`, role);
  }

  roleIn(orgId: string, userId: string): Promise<OrgRole | null> {
    return Promise.resolve(this.roles.get(`${orgId}/${userId}`) ?? null);
  }
}

/** A kernel clock the test moves: real UUIDs, time only where the test puts it. */
export class SettableClock implements KernelClock {
  private current: number;

  constructor(start: string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  newId(): string {
    return randomUUID();
  }

  set(instant: string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Where the test clock starts unless a test says otherwise. */
export const CATALOG_TEST_NOW = '2027-03-01T12:00:00.000Z';

/** A Nest app of some catalog areas on a throwaway database, with the real kernel. */
export interface CatalogTestApp {
  readonly kernel: KernelTestHarness;
  readonly app: TestingModule;
  readonly commands: CommandBus;
  readonly db: KernelDatabase;
  readonly clock: SettableClock;
  readonly memberships: TestMemberships;
  /** The Fastify app with the areas' controllers behind the real access guard (with `http: true`). */
  readonly http: NestFastifyApplication | undefined;
  /** Calls a route of {@link http} as `user` (null: anonymous). */
  request<T>(options: CatalogTestRequest): Promise<CatalogTestReply<T>>;
  /** Creates an artist of `orgId` over HTTP as `user`; throws unless it is created. */
  createArtist(orgId: string, user: string, artist: ArtistInput): Promise<Artist>;
  /** Creates a release of `orgId` with `draft` over HTTP as `user`; throws unless it is created. */
  createRelease(orgId: string, user: string, draft: ReleaseDraftInput): Promise<ReleaseDetail>;
  close(): Promise<void>;
}

/** One request to {@link CatalogTestApp.request}. */
export interface CatalogTestRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly user?: string | null;
  readonly staff?: readonly StaffRole[];
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The answer of {@link CatalogTestApp.request}: status, headers and the body (JSON when it is). */
export interface CatalogTestReply<T> {
  readonly status: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: T;
  readonly text: string;
}

/** Options of {@link startCatalogTestApp}. */
export interface CatalogTestAppOptions {
  readonly areas: readonly CatalogArea[];
  /** Providers replacing or adding to the areas'. */
  readonly providers?: readonly Provider[];
  readonly config?: Readonly<Record<string, unknown>>;
  /** Also serve the areas' controllers over HTTP (Fastify), behind the real access guard. */
  readonly http?: boolean;
  /** Where the clock starts; {@link CATALOG_TEST_NOW} by default. */
  readonly now?: string;
  /** Team roles to start with: organisation id → user id → role. */
  readonly teams?: Readonly<Record<string, Readonly<Record<string, OrgRole>>>>;
}

/** A UPC-A: the 11 digits of `body` followed by their GS1 check digit. */
export function testUpc(body: string): string {
  return `${body}${gtinCheckDigit(body)}`;
}

/**
 * Starts `areas` in a Nest testing module with the kernel (api role) on a fresh database migrated
 * with the whole catalog schema, a settable clock, and (with `http`) Fastify behind the access guard.
 */
export async function startCatalogTestApp(options: CatalogTestAppOptions): Promise<CatalogTestApp> {
  const kernel = await createKernelTestHarness({ contexts: [catalogPersistence] });
  const config = {
    NODE_ENV: 'test',
    PUBLIC_URL: CATALOG_TEST_PUBLIC_URL,
    ASSET_STORAGE: 'local',
    ASSET_DIR: `var/test-assets/${randomUUID()}`,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: true,
    CATALOG_TRUST_TERRITORY_HEADER: true,
    CATALOG_DEFAULT_TERRITORY: 'US',
    DDEX_PARTY_ID: 'PADPIDA0000000000B',
    DDEX_PARTY_NAME: 'Bandstand',
    BODY_LIMIT_BYTES: 1_048_576,
    ...options.config,
  };
  const clock = new SettableClock(options.now ?? CATALOG_TEST_NOW);
  const memberships = new TestMemberships();
  for (const [orgId, team] of Object.entries(options.teams ?? {})) {
    for (const [userId, role] of Object.entries(team)) memberships.set(orgId, userId, role);
  }

  @Global()
  @Module({})
  class TestInfrastructureModule {
    static create(): DynamicModule {
      return {
        module: TestInfrastructureModule,
        providers: [
          { provide: MikroORM, useValue: kernel.orm },
          { provide: APP_CONFIG, useValue: config },
          { provide: MEMBERSHIP_LOOKUP, useValue: memberships },
          { provide: PRINCIPAL_RESOLVER, useClass: TestPrincipalResolver },
        ],
        exports: [MikroORM, APP_CONFIG, MEMBERSHIP_LOOKUP, PRINCIPAL_RESOLVER],
      };
    }
  }

  @Module({})
  class AreasModule {
    static create(): DynamicModule {
      return {
        module: AreasModule,
        imports: options.areas.flatMap((area) => area.imports ?? []),
        providers: [...options.areas.flatMap((area) => area.providers), ...(options.providers ?? [])],
        controllers: options.http === true ? options.areas.flatMap((area) => area.controllers ?? []) : [],
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
    const httpConfig = {
      PUBLIC_URL: CATALOG_TEST_PUBLIC_URL,
      CORS_ORIGINS: [],
      BODY_LIMIT_BYTES: Number(config.BODY_LIMIT_BYTES),
    };
    http = await startTestHttpApp(app, httpConfig);
  } else {
    app.useLogger(false);
    await app.init();
  }
  const request = async <T>(request: CatalogTestRequest): Promise<CatalogTestReply<T>> => {
    if (http === undefined) throw new Error('Start the test app with http: true to call its routes');
    const headers: Record<string, string> = { ...request.headers };
    if (request.user !== undefined && request.user !== null) {
      headers['authorization'] = testAuthorization(request.user, request.staff ?? []);
    }
    const body = request.body;
    const response = await http
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: request.method,
        url: request.url,
        headers,
        ...(body === undefined
          ? {}
          : typeof body === 'string' || Buffer.isBuffer(body)
            ? { payload: body }
            : { payload: body as object }),
      });
    const text = response.body;
    const type = String(response.headers['content-type'] ?? '');
    const parsed: unknown = text !== '' && type.includes('json') ? JSON.parse(text) : text;
    return { status: response.statusCode, headers: response.headers, body: parsed as T, text };
  };
  const create = async <T>(url: string, user: string, body: unknown): Promise<T> => {
    const reply = await request<T>({ method: 'POST', url, user, body });
    if (reply.status !== 201) throw new Error(`POST ${url} answered ${reply.status}: ${reply.text}`);
    return reply.body;
  };
  return {
    kernel,
    app,
    commands: app.get(CommandBus),
    db: app.get(KernelDatabase),
    clock,
    memberships,
    http,
    request,
    createArtist: (orgId, user, artist) => create<Artist>(`${orgCatalogPath(orgId)}/artists`, user, artist),
    createRelease: (orgId, user, draft) =>
      create<ReleaseDetail>(`${orgCatalogPath(orgId)}/releases`, user, { draft }),
    async close() {
      await (http ?? app).close();
      await kernel.close();
    },
  };
}
