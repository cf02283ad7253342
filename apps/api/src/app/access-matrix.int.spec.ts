import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { IdentityModule, identityPersistence } from '@bandstand/identity/server';
import { type Organisation, type SignInResponse } from '@bandstand/identity/contracts';
import { AccessModule, type AccessPolicy, listRoutes, type RouteEntry } from '@bandstand/shared/access';
import { type ApiConfig, apiConfigSchema, ConfigModule, loadConfig } from '@bandstand/shared/config';
import {
  ORG_ROLES,
  type OrgRole,
  orgRoleAllows,
  type ProblemDetails,
  STAFF_ROLES,
  type StaffRole,
  staffRolesAllow,
} from '@bandstand/shared/contracts';
import { KernelModule, kernelPersistence } from '@bandstand/shared/event-store';
import { createKernelTestHarness, type KernelTestHarness } from '@bandstand/shared/event-store/testing';
import { configureHttpApp, createFastifyAdapter } from '@bandstand/shared/http';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';
import { PersistenceModule, platformPersistence } from '@bandstand/shared/persistence';
import { QueuesModule } from '@bandstand/shared/queues';
import {
  readOutbox,
  removeRedisKeys,
  testQueuePrefix,
  testRedisUrl,
  eventually,
} from '@bandstand/shared/testing';
import { AppModule } from './app.module';

// The route × role × tenant matrix (ADR 0013): every route the api registers, called by anonymous, a
// fan, a member of organisation A in each role and a staff member in each staff role, with A (own)
// and B (foreign) in the path, through the real app on the real PostgreSQL and Redis. Each answer is
// checked against the route's declared policy; a route without one fails the test.

const PASSWORD = 'a long and unguessable passphrase 7';
const STAFF_ADMIN_EMAIL = 'root@staff.matrix.test';

/** Someone the matrix calls as. */
interface Caller {
  readonly name: string;
  readonly token: string | null;
  readonly staffRoles: readonly StaffRole[];
  /** Roles by organisation id. */
  readonly orgRoles: Readonly<Record<string, OrgRole>>;
}

type Outcome = 'admitted' | 'ACCESS.UNAUTHENTICATED' | 'ACCESS.FORBIDDEN' | 'ACCESS.NOT_A_MEMBER';

/** What the declared policy promises for `caller` calling a route about organisation `orgId`. */
function expected(policy: AccessPolicy, caller: Caller, orgId: string): Outcome {
  if (policy.kind === 'public') return 'admitted';
  if (caller.token === null) return 'ACCESS.UNAUTHENTICATED';
  switch (policy.kind) {
    case 'signedIn':
      return 'admitted';
    case 'staff':
      return staffRolesAllow(caller.staffRoles, policy.permission) ? 'admitted' : 'ACCESS.FORBIDDEN';
    case 'org': {
      const role = caller.orgRoles[orgId];
      if (role !== undefined) return orgRoleAllows(role, policy.permission) ? 'admitted' : 'ACCESS.FORBIDDEN';
      if (policy.staff !== undefined && staffRolesAllow(caller.staffRoles, policy.staff)) return 'admitted';
      return 'ACCESS.NOT_A_MEMBER';
    }
  }
}

const SAMPLE_PARAMS: Readonly<Record<string, string>> = {
  provider: 'oidc',
  address: '0x000000000000000000000000000000000000dEaD',
  role: 'analyst',
  token: 'not-a-real-token',
  name: 'no.such-subscription',
  position: '1',
  subject: 'no-such-subject',
};

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/** The route's path with its parameters filled: the organisation, or sample values. */
function concretePath(route: RouteEntry, orgId: string): string {
  const version =
    route.version === undefined ? 'v1' : route.version === 'neutral' ? null : `v${route.version}`;
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_match, param: string) =>
    param === 'orgId' ? orgId : (SAMPLE_PARAMS[param] ?? SAMPLE_ID),
  );
  return version === null ? `/api${path}` : `/api/${version}${path}`;
}

/** Routes whose admitted call ends the caller's own sessions: called last. */
const SESSION_ENDING = new Set(['POST /me/sessions/sign-out-everywhere']);

async function migratedDatabase(): Promise<KernelTestHarness> {
  return createKernelTestHarness({ contexts: [identityPersistence] });
}

function apiConfig(database: KernelTestHarness, prefix: string, mailDir: string): ApiConfig {
  return loadConfig(apiConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'fatal',
    DATABASE_URL: database.database.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    MAIL_TRANSPORT: 'outbox',
    MAIL_OUTBOX_DIR: mailDir,
    PUBLIC_URL: 'http://localhost:3000',
    STAFF_BOOTSTRAP_ADMIN_EMAIL: STAFF_ADMIN_EMAIL,
  });
}

/**
 * The fixtures' app: the api's identity endpoints with the kernel in the worker role too, so that
 * the mails (verification links, invitations) are sent while the fixtures are made.
 */
async function startFixtureApp(config: ApiConfig): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ObservabilityModule.forRoot({
        service: 'api',
        level: 'fatal',
        destination: new MemoryLogDestination(),
      }),
      PersistenceModule.forRoot(config, [platformPersistence, kernelPersistence, identityPersistence]),
      QueuesModule.forRoot(config),
      KernelModule.forRoot(config, 'worker'),
      AccessModule.forRoot(),
      IdentityModule.forRoot('api'),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    logger: false,
  });
  await configureHttpApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function startApi(config: ApiConfig): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    logger: false,
  });
  await configureHttpApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Makes the people of the matrix through the api itself: sign-up, mail, verification, invitations, roles. */
class Fixtures {
  private addresses = 0;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly mailDir: string,
  ) {}

  private async call<T>(method: 'GET' | 'POST', url: string, body: object, token?: string): Promise<T> {
    this.addresses += 1;
    const response = await this.app.inject({
      method,
      url,
      payload: body,
      remoteAddress: `10.9.${Math.floor(this.addresses / 250)}.${this.addresses % 250}`,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return (response.body.length === 0 ? undefined : response.json()) as T;
  }

  private async linkTo(email: string, subject: RegExp): Promise<string> {
    return eventually(async () => {
      const mail = (await readOutbox(this.mailDir))
        .filter((each) => each.to.includes(email) && subject.test(each.subject))
        .at(-1);
      const token = mail === undefined ? undefined : /[?&]token=([^\s&"<>]+)/.exec(mail.text)?.[1];
      if (token === undefined) throw new Error(`no mail to ${email} about ${String(subject)} yet`);
      return decodeURIComponent(token);
    }, 20_000);
  }

  async person(name: string, email = `${name}@matrix.test`): Promise<SignInResponse> {
    await this.call('POST', '/api/v1/auth/sign-up', {
      email,
      password: PASSWORD,
      displayName: name,
      console: 'creator',
    });
    const token = await this.linkTo(email, /confirm|verify/i);
    return this.call<SignInResponse>('POST', '/api/v1/auth/verify-email', { token });
  }

  async organisation(owner: SignInResponse, name: string): Promise<Organisation> {
    return this.call<Organisation>('POST', '/api/v1/orgs', { name, kind: 'label' }, owner.accessToken);
  }

  async join(owner: SignInResponse, orgId: string, member: SignInResponse, role: OrgRole): Promise<void> {
    await this.call(
      'POST',
      `/api/v1/orgs/${orgId}/invitations`,
      { email: member.user.email, role },
      owner.accessToken,
    );
    const token = await this.linkTo(member.user.email, /invit/i);
    await this.call('POST', '/api/v1/invitations/accept', { token }, member.accessToken);
  }

  async grant(admin: SignInResponse, member: SignInResponse, role: StaffRole): Promise<void> {
    await this.call('POST', `/api/v1/staff/users/${member.user.userId}/roles`, { role }, admin.accessToken);
  }
}

describe('the route × role × tenant access matrix of the whole api', () => {
  let database: KernelTestHarness;
  let mailDir: string;
  let prefix: string;
  let api: NestFastifyApplication;
  let routes: RouteEntry[];
  let callers: Caller[];
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    database = await migratedDatabase();
    mailDir = await mkdtemp(join(tmpdir(), 'bandstand-matrix-mail-'));
    prefix = testQueuePrefix();
    const config = apiConfig(database, prefix, mailDir);

    const fixtureApp = await startFixtureApp(config);
    try {
      const fixtures = new Fixtures(fixtureApp, mailDir);
      const staffAdmin = await fixtures.person('root', STAFF_ADMIN_EMAIL);
      const owner = await fixtures.person('owner');
      const outsider = await fixtures.person('outsider');
      const fan = await fixtures.person('fan');
      orgA = (await fixtures.organisation(owner, 'Label A')).orgId;
      orgB = (await fixtures.organisation(outsider, 'Label B')).orgId;
      callers = [
        { name: 'anonymous', token: null, staffRoles: [], orgRoles: {} },
        { name: 'fan', token: fan.accessToken, staffRoles: [], orgRoles: {} },
        { name: 'org owner', token: owner.accessToken, staffRoles: [], orgRoles: { [orgA]: 'owner' } },
        { name: 'staff admin', token: staffAdmin.accessToken, staffRoles: ['admin'], orgRoles: {} },
      ];
      for (const role of ORG_ROLES.filter((each) => each !== 'owner')) {
        const member = await fixtures.person(role);
        await fixtures.join(owner, orgA, member, role);
        callers.push({
          name: `org ${role}`,
          token: member.accessToken,
          staffRoles: [],
          orgRoles: { [orgA]: role },
        });
      }
      for (const role of STAFF_ROLES.filter((each) => each !== 'admin')) {
        const member = await fixtures.person(`staff-${role}`);
        await fixtures.grant(staffAdmin, member, role);
        callers.push({ name: `staff ${role}`, token: member.accessToken, staffRoles: [role], orgRoles: {} });
      }
    } finally {
      await fixtureApp.close();
    }

    api = await startApi(config);
    routes = listRoutes(api.get(DiscoveryService), api.get(MetadataScanner), api.get(Reflector));
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await database?.close();
    await removeRedisKeys(testRedisUrl(), prefix);
    await rm(mailDir, { recursive: true, force: true });
  });

  it('finds the routes of every area: kernel, platform and identity', () => {
    const paths = new Set(routes.map((route) => route.path));
    for (const path of [
      '/health/ready',
      '/kernel/events',
      '/kernel/integrity/verifications',
      '/auth/sign-in',
      '/me',
      '/orgs/:orgId/members',
      '/staff/users',
    ]) {
      expect(paths).toContain(path);
    }
    expect(routes.length).toBeGreaterThan(40);
  });

  it('has a declared access policy on every route', () => {
    const unguarded = routes
      .filter((route) => route.policy === undefined)
      .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);
    expect(unguarded).toEqual([]);
  });

  it('refuses the things each role must never do, whatever the policies say', async () => {
    const as = (name: string) => {
      const caller = callers.find((each) => each.name === name);
      if (caller?.token === undefined || caller.token === null) throw new Error(`no caller ${name}`);
      return { authorization: `Bearer ${caller.token}` };
    };
    const status = async (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      name: string,
    ): Promise<string> => {
      const response = await api.inject({
        method,
        url,
        headers: as(name),
        remoteAddress: '10.201.0.1',
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      return `${response.statusCode} ${response.statusCode >= 400 ? response.json<ProblemDetails>().code : ''}`.trim();
    };
    // A reader reads and changes nothing; an accountant cannot invite; an editor cannot read the activity log.
    expect(await status('POST', `/api/v1/orgs/${orgA}/invitations`, 'org reader')).toBe(
      '403 ACCESS.FORBIDDEN',
    );
    expect(await status('POST', `/api/v1/orgs/${orgA}/invitations`, 'org accountant')).toBe(
      '403 ACCESS.FORBIDDEN',
    );
    expect(await status('GET', `/api/v1/orgs/${orgA}/activity`, 'org editor')).toBe('403 ACCESS.FORBIDDEN');
    expect((await status('GET', `/api/v1/orgs/${orgA}/members`, 'org reader')).startsWith('200')).toBe(true);
    // Another label's team is not visible to an owner of this one.
    expect(await status('GET', `/api/v1/orgs/${orgB}/members`, 'org owner')).toBe('403 ACCESS.NOT_A_MEMBER');
    // Staff: an analyst sees operations but not the event log; support cannot grant roles; only auditors and admins verify.
    expect((await status('GET', '/api/v1/kernel/operations', 'staff analyst')).startsWith('200')).toBe(true);
    expect(await status('GET', '/api/v1/kernel/events', 'staff analyst')).toBe('403 ACCESS.FORBIDDEN');
    expect(await status('POST', `/api/v1/staff/users/${SAMPLE_ID}/roles`, 'staff support')).toBe(
      '403 ACCESS.FORBIDDEN',
    );
    expect(await status('POST', '/api/v1/kernel/integrity/verifications', 'fan')).toBe(
      '403 ACCESS.FORBIDDEN',
    );
    expect(await status('POST', '/api/v1/kernel/integrity/verifications', 'org owner')).toBe(
      '403 ACCESS.FORBIDDEN',
    );
  });

  it('answers every route × caller × own and foreign organisation as its policy says', async () => {
    const mismatches: string[] = [];
    const check = async (route: RouteEntry, caller: Caller, orgId: string, tenant: string): Promise<void> => {
      const policy = route.policy;
      if (policy === undefined) return;
      const url = concretePath(route, orgId);
      const response = await api.inject({
        method: route.method as 'GET',
        url,
        remoteAddress: '10.200.0.1',
        headers: caller.token === null ? {} : { authorization: `Bearer ${caller.token}` },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      const code =
        response.statusCode === 401 || response.statusCode === 403
          ? response.json<ProblemDetails>().code
          : null;
      const actual: Outcome = code !== null && code.startsWith('ACCESS.') ? (code as Outcome) : 'admitted';
      const wanted = expected(policy, caller, orgId);
      if (actual !== wanted) {
        mismatches.push(
          `${route.method} ${url} as ${caller.name} (${tenant}): expected ${wanted}, got ${response.statusCode} ${actual}`,
        );
      }
    };
    const ordered = [
      ...routes.filter((route) => !SESSION_ENDING.has(`${route.method} ${route.path}`)),
      ...routes.filter((route) => SESSION_ENDING.has(`${route.method} ${route.path}`)),
    ];
    let calls = 0;
    for (const route of ordered) {
      const tenants = route.path.includes(':orgId')
        ? ([
            ['own', orgA],
            ['foreign', orgB],
          ] as const)
        : ([['none', orgA]] as const);
      for (const caller of callers) {
        for (const [tenant, orgId] of tenants) {
          await check(route, caller, orgId, tenant);
          calls += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(routes.length * callers.length);
  }, 240_000);
});
