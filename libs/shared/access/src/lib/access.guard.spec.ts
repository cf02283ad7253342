import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  Global,
  Module,
  Param,
  Post,
} from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DomainError, type OrgRole, type StaffRole } from '@bandstand/shared/contracts';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { OrgAccess, Public, SignedIn, StaffAccess } from './access-policy';
import { AccessTokenInvalid } from './access.errors';
import { AccessModule } from './access.module';
import {
  type AccessContext,
  CurrentAccess,
  MEMBERSHIP_LOOKUP,
  type MembershipLookup,
  PRINCIPAL_RESOLVER,
  type Principal,
  type PrincipalResolver,
} from './principal';

// The ports are the identity context's; here a bearer token is simply "<userId>" or "<userId>:<staff roles>".
class TokenIsUserId implements PrincipalResolver {
  resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header === undefined) return Promise.resolve(null);
    const token = header.replace(/^Bearer /, '');
    if (token === 'forged') return Promise.reject(new AccessTokenInvalid());
    const [userId = '', roles = ''] = token.split(':');
    const staffRoles = roles.split(',').filter((role) => role.length > 0) as StaffRole[];
    return Promise.resolve({ userId, sessionId: `session-of-${userId}`, staffRoles });
  }
}

const MEMBERS: Record<string, Record<string, OrgRole>> = {
  'org-a': { ana: 'owner', rita: 'reader', acc: 'accountant' },
  'org-b': { bo: 'owner' },
};

class FixedMemberships implements MembershipLookup {
  roleIn(orgId: string, userId: string): Promise<OrgRole | null> {
    return Promise.resolve(MEMBERS[orgId]?.[userId] ?? null);
  }
}

@Catch(DomainError)
class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(error.status)
      .send({ code: error.code, field: error.field });
  }
}

@Controller()
class ProbeController {
  @Public()
  @Get('public')
  open(@CurrentAccess() access: AccessContext): { userId: string | null } {
    return { userId: access.principal?.userId ?? null };
  }

  @SignedIn()
  @Get('me')
  me(@CurrentAccess() access: AccessContext): { userId: string | null } {
    return { userId: access.principal?.userId ?? null };
  }

  @StaffAccess('staff.audit.verify')
  @Post('audit')
  audit(): { ok: true } {
    return { ok: true };
  }

  @OrgAccess('royalties.approve', { staff: 'staff.users.read' })
  @Post('orgs/:orgId/statements')
  approve(@Param('orgId') orgId: string, @Body() body: unknown, @CurrentAccess() access: AccessContext) {
    void body;
    return { orgId, role: access.orgRole ?? null };
  }

  @Get('forgotten')
  forgotten(): { ok: true } {
    return { ok: true };
  }
}

// As the identity module does: a global module exports the ports, so that the guard (provided by
// AccessModule) finds them.
@Global()
@Module({
  providers: [
    { provide: PRINCIPAL_RESOLVER, useClass: TokenIsUserId },
    { provide: MEMBERSHIP_LOOKUP, useClass: FixedMemberships },
  ],
  exports: [PRINCIPAL_RESOLVER, MEMBERSHIP_LOOKUP],
})
class PortsModule {}

@Module({ imports: [PortsModule, AccessModule.forRoot()], controllers: [ProbeController] })
class ProbeModule {}

describe('AccessGuard', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new DomainErrorFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  async function call(method: 'GET' | 'POST', url: string, token?: string, body?: object) {
    const response = await app.inject({
      method,
      url,
      ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
      ...(body === undefined ? {} : { payload: body }),
    });
    return { status: response.statusCode, body: response.json<{ code?: string; field?: string }>() };
  }

  it('refuses a route that declares no policy, even to staff admins', async () => {
    expect(await call('GET', '/forgotten')).toEqual({ status: 403, body: { code: 'ACCESS.NO_POLICY' } });
    expect((await call('GET', '/forgotten', 'root:admin')).body.code).toBe('ACCESS.NO_POLICY');
  });

  it('lets anyone call a public route, and still refuses a forged token there', async () => {
    expect(await call('GET', '/public')).toEqual({ status: 200, body: { userId: null } });
    expect(await call('GET', '/public', 'ana')).toEqual({ status: 200, body: { userId: 'ana' } });
    expect(await call('GET', '/public', 'forged')).toEqual({
      status: 401,
      body: { code: 'ACCESS.TOKEN_INVALID' },
    });
  });

  it('asks for sign-in on a signed-in route', async () => {
    expect(await call('GET', '/me')).toEqual({ status: 401, body: { code: 'ACCESS.UNAUTHENTICATED' } });
    expect(await call('GET', '/me', 'fan')).toEqual({ status: 200, body: { userId: 'fan' } });
  });

  it('admits staff whose roles hold the permission and no one else', async () => {
    expect((await call('POST', '/audit')).status).toBe(401);
    expect((await call('POST', '/audit', 'ana')).body.code).toBe('ACCESS.FORBIDDEN');
    expect((await call('POST', '/audit', 'sam:support,analyst')).body.code).toBe('ACCESS.FORBIDDEN');
    expect((await call('POST', '/audit', 'aud:auditor')).status).toBe(201);
    expect((await call('POST', '/audit', 'root:admin')).status).toBe(201);
  });

  it("admits an organisation's members by their current role's permissions", async () => {
    expect(await call('POST', '/orgs/org-a/statements', 'ana', {})).toEqual({
      status: 201,
      body: { orgId: 'org-a', role: 'owner' },
    });
    expect(await call('POST', '/orgs/org-a/statements', 'acc', {})).toEqual({
      status: 201,
      body: { orgId: 'org-a', role: 'accountant' },
    });
    expect((await call('POST', '/orgs/org-a/statements', 'rita', {})).body.code).toBe('ACCESS.FORBIDDEN');
  });

  it("refuses another organisation's data, in the path or named in the body or query", async () => {
    expect(await call('POST', '/orgs/org-b/statements', 'ana', {})).toEqual({
      status: 403,
      body: { code: 'ACCESS.NOT_A_MEMBER', field: 'orgId' },
    });
    expect(await call('POST', '/orgs/org-a/statements', 'ana', { orgId: 'org-b' })).toEqual({
      status: 403,
      body: { code: 'ACCESS.NOT_A_MEMBER', field: 'body.orgId' },
    });
    expect((await call('POST', '/orgs/org-a/statements?orgId=org-b', 'ana', {})).body.field).toBe(
      'query.orgId',
    );
    expect((await call('POST', '/orgs/org-a/statements')).status).toBe(401);
  });

  it("lets staff with the policy's staff permission look into any organisation", async () => {
    expect(await call('POST', '/orgs/org-b/statements', 'sup:support', {})).toEqual({
      status: 201,
      body: { orgId: 'org-b', role: null },
    });
    expect((await call('POST', '/orgs/org-b/statements', 'ana:analyst', {})).body.code).toBe(
      'ACCESS.NOT_A_MEMBER',
    );
  });
});
