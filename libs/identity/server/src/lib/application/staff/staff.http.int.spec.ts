import {
  type StaffActionResult,
  type StaffApproval,
  type StaffUserSummary,
} from '@bandstand/identity/contracts';
import { type Page, type ProblemDetails, type StaffRole } from '@bandstand/shared/contracts';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/account-services';
import {
  accountsCoreProviders,
  type IdentityTestApp,
  staffTestPersistence,
  startIdentityTestApp,
  testAuthorization,
} from '../teams/identity.test-kit';
import { teamsArea } from '../teams/teams.area';
import { staffArea } from './staff.area';
import { type StaffUserDetail } from './staff.queries';

interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

describe('staff endpoints over HTTP (the access guard, the four-eyes rule)', () => {
  let test: IdentityTestApp;
  const ids = { root: '', sam: '', sue: '', tia: '' };
  // The test resolver takes the roles from the request; the directory is checked separately.
  const staffOf: Record<string, readonly StaffRole[]> = {};

  async function call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    user: string,
    body?: object,
  ): Promise<Reply<T>> {
    const http = test.http;
    if (http === undefined) throw new Error('no HTTP app');
    const response = await http
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: { authorization: testAuthorization(user, staffOf[user] ?? []) },
        ...(body === undefined ? {} : { payload: body }),
      });
    return { status: response.statusCode, body: (response.body === '' ? null : response.json()) as T };
  }

  beforeAll(async () => {
    test = await startIdentityTestApp({
      areas: [teamsArea, staffArea],
      persistence: staffTestPersistence,
      config: { STAFF_BOOTSTRAP_ADMIN_EMAIL: 'root@bandstand.test', AUTH_REFRESH_TOKEN_TTL_DAYS: 30 },
      providers: accountsCoreProviders,
      http: true,
    });
    const accounts = test.app.get<AccountDirectory>(ACCOUNT_DIRECTORY);
    const metadata = { correlationId: 'setup', actor: 'system:test' };
    ids.root = await accounts.registerVerified(
      { email: 'root@bandstand.test', displayName: 'Root' },
      metadata,
    );
    ids.sam = await accounts.registerVerified({ email: 'sam@bandstand.test', displayName: 'Sam' }, metadata);
    ids.sue = await accounts.registerVerified({ email: 'sue@bandstand.test', displayName: 'Sue' }, metadata);
    ids.tia = await accounts.registerVerified({ email: 'tia@bandstand.test', displayName: 'Tia' }, metadata);
    staffOf[ids.root] = ['admin'];
    staffOf[ids.sue] = ['support'];
  });
  afterAll(async () => {
    await test.close();
  });

  it('admits staff by permission only', async () => {
    expect(await call<ProblemDetails>('GET', '/api/v1/staff/users', ids.tia)).toMatchObject({
      status: 403,
      body: { code: 'ACCESS.FORBIDDEN' },
    });
    const users = await call<Page<StaffUserSummary>>('GET', '/api/v1/staff/users?query=ro', ids.sue);
    expect(users).toMatchObject({
      status: 200,
      body: { items: [{ userId: ids.root, staffRoles: ['admin'] }], nextCursor: null },
    });
    expect(await call<StaffUserDetail>('GET', `/api/v1/staff/users/${ids.root}`, ids.sue)).toMatchObject({
      status: 200,
      body: { email: 'root@bandstand.test', activeSessions: 0, organisations: [] },
    });
    // support may look users up but not grant roles
    expect(
      (await call('POST', `/api/v1/staff/users/${ids.tia}/roles`, ids.sue, { role: 'auditor' })).status,
    ).toBe(403);
    expect((await call('POST', `/api/v1/staff/approvals/x/approve`, ids.sue)).status).toBe(403);
  });

  it('grants, asks for approval, approves and revokes through the endpoints', async () => {
    expect(
      await call<StaffActionResult>('POST', `/api/v1/staff/users/${ids.sam}/roles`, ids.root, {
        role: 'admin',
      }),
    ).toEqual({
      status: 200,
      body: { status: 'done' },
    });
    staffOf[ids.sam] = ['admin'];
    const asked = await call<StaffActionResult>('POST', `/api/v1/staff/users/${ids.tia}/roles`, ids.root, {
      role: 'admin',
    });
    if (asked.body.status !== 'approval-required') throw new Error('expected an approval');
    const approvalId = asked.body.approvalId;
    const pending = await call<StaffApproval[]>('GET', '/api/v1/staff/approvals?status=pending', ids.sue);
    expect(pending.body.map((each) => each.approvalId)).toEqual([approvalId]);
    expect(
      await call<ProblemDetails>('POST', `/api/v1/staff/approvals/${approvalId}/approve`, ids.root),
    ).toMatchObject({
      status: 403,
      body: { code: 'IDENTITY.APPROVAL_BY_REQUESTER' },
    });
    expect(
      await call<StaffApproval>('POST', `/api/v1/staff/approvals/${approvalId}/approve`, ids.sam),
    ).toMatchObject({
      status: 200,
      body: { approvalId, status: 'approved', decidedBy: ids.sam },
    });
    expect(
      (await call<StaffUserDetail>('GET', `/api/v1/staff/users/${ids.tia}`, ids.sue)).body.staffRoles,
    ).toEqual(['admin']);

    expect(
      await call<ProblemDetails>('DELETE', `/api/v1/staff/users/${ids.tia}/roles/overlord`, ids.root),
    ).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'role' })] as unknown },
    });
    expect((await call('DELETE', `/api/v1/staff/users/${ids.tia}/roles/admin`, ids.root)).status).toBe(204);
    expect(
      (await call<StaffUserDetail>('GET', `/api/v1/staff/users/${ids.tia}`, ids.sue)).body.staffRoles,
    ).toEqual([]);
    expect(
      await call<ProblemDetails>('POST', `/api/v1/staff/approvals/${approvalId}/reject`, ids.sam, {
        reason: ' ',
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'reason' })] as unknown },
    });
  });

  it("revokes a user's sessions for support", async () => {
    expect(
      await call<{ revoked: number }>('POST', `/api/v1/staff/users/${ids.tia}/sessions/revoke`, ids.sue),
    ).toEqual({
      status: 200,
      body: { revoked: 0 },
    });
    expect(
      await call<ProblemDetails>('POST', '/api/v1/staff/users/nobody/sessions/revoke', ids.sue),
    ).toMatchObject({
      status: 404,
      body: { code: 'IDENTITY.USER_NOT_FOUND' },
    });
  });
});
