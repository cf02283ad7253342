import {
  type Invitation,
  type InvitationPreview,
  type Organisation,
  type TeamActivityEntry,
  type TeamMember,
} from '@bandstand/identity/contracts';
import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import { type MailMessage } from '../../ports/mail.port';
import {
  accountDirectoryProvider,
  type IdentityTestApp,
  startIdentityTestApp,
  TestAccountDirectory,
  testAuthorization,
} from './identity.test-kit';
import { teamsArea } from './teams.area';

interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

describe('teams over HTTP (Fastify, the access guard, validation, problem details)', () => {
  const accounts = new TestAccountDirectory();
  accounts.add('ana', 'ana@example.com', 'Ana');
  accounts.add('bo', 'bo@example.com', 'Bo');
  accounts.add('cy', 'cy@example.com', 'Cy');
  let test: IdentityTestApp;

  async function call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    user: string | null,
    body?: object,
    staff: readonly ('admin' | 'support' | 'analyst' | 'auditor')[] = [],
  ): Promise<Reply<T>> {
    const http = test.http;
    if (http === undefined) throw new Error('no HTTP app');
    const response = await http
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: user === null ? {} : { authorization: testAuthorization(user, staff) },
        ...(body === undefined ? {} : { payload: body }),
      });
    return { status: response.statusCode, body: (response.body === '' ? null : response.json()) as T };
  }

  async function tokenMailedTo(orgId: string): Promise<string> {
    const [job] = await test.db.query<{ data: { subjectId: string; sealed: string } }>(
      `select data from kernel.job_outbox where data->>'subjectId' in
         (select 'invitation:' || token_hash from identity.invitations where org_id = $1)
       order by id desc limit 1`,
      [orgId],
    );
    const opened = job === undefined ? null : await test.vault.open(job.data.subjectId, job.data.sealed);
    const token =
      opened === null ? undefined : /token=([\w-]+)/.exec((JSON.parse(opened) as MailMessage).text)?.[1];
    if (token === undefined) throw new Error('no invitation mail');
    return token;
  }

  beforeAll(async () => {
    test = await startIdentityTestApp({
      areas: [teamsArea],
      providers: [accountDirectoryProvider(accounts)],
      http: true,
    });
  });
  afterAll(async () => {
    await test.close();
  });

  it('runs the whole team journey through the endpoints', async () => {
    const created = await call<Organisation>('POST', '/api/v1/orgs', 'ana', {
      name: '  Night Owls ',
      kind: 'label',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { name: 'Night Owls', kind: 'label', myRole: 'owner' },
    });
    const orgId = created.body.orgId;
    expect((await call<Organisation[]>('GET', '/api/v1/orgs', 'ana')).body).toEqual([created.body]);

    const invited = await call<Invitation>('POST', `/api/v1/orgs/${orgId}/invitations`, 'ana', {
      email: 'bo@example.com',
      role: 'editor',
    });
    expect(invited).toMatchObject({
      status: 201,
      body: { email: 'bo@example.com', role: 'editor', status: 'pending', invitedBy: 'Ana' },
    });
    const token = await tokenMailedTo(orgId);

    // the link's preview needs no sign-in
    expect(await call<InvitationPreview>('GET', `/api/v1/invitations/${token}`, null)).toMatchObject({
      status: 200,
      body: {
        orgName: 'Night Owls',
        orgKind: 'label',
        role: 'editor',
        invitedBy: 'Ana',
        email: 'bo@example.com',
      },
    });
    expect((await call('POST', '/api/v1/invitations/accept', null, { token })).status).toBe(401);
    expect(await call<Organisation>('POST', '/api/v1/invitations/accept', 'bo', { token })).toMatchObject({
      status: 200,
      body: { orgId, myRole: 'editor' },
    });

    const members = await call<TeamMember[]>('GET', `/api/v1/orgs/${orgId}/members`, 'bo');
    expect(members.body.map(({ userId, role }) => [userId, role])).toEqual([
      ['ana', 'owner'],
      ['bo', 'editor'],
    ]);
    expect(
      await call<TeamMember>('PATCH', `/api/v1/orgs/${orgId}/members/bo`, 'ana', { role: 'admin' }),
    ).toMatchObject({
      status: 200,
      body: { userId: 'bo', role: 'admin', displayName: 'Bo' },
    });
    expect(
      await call<Organisation>('PATCH', `/api/v1/orgs/${orgId}`, 'bo', { name: 'Day Owls' }),
    ).toMatchObject({
      status: 200,
      body: { name: 'Day Owls', myRole: 'admin' },
    });

    const activity = await call<Page<TeamActivityEntry>>(
      'GET',
      `/api/v1/orgs/${orgId}/activity?limit=2`,
      'ana',
    );
    expect(activity.body.items.map((entry) => entry.summary)).toEqual([
      'Bo renamed Night Owls to Day Owls',
      "Ana changed Bo's role from editor to admin",
    ]);
    const older = await call<Page<TeamActivityEntry>>(
      'GET',
      `/api/v1/orgs/${orgId}/activity?limit=2&cursor=${activity.body.nextCursor ?? ''}`,
      'ana',
    );
    expect(older.body.items.map((entry) => entry.kind)).toEqual(['invitation-accepted', 'member-invited']);

    expect((await call('DELETE', `/api/v1/orgs/${orgId}/members/bo`, 'ana')).status).toBe(204);
    // removal acts at once: the next request is refused
    expect(await call<ProblemDetails>('GET', `/api/v1/orgs/${orgId}/members`, 'bo')).toMatchObject({
      status: 403,
      body: { code: 'ACCESS.NOT_A_MEMBER' },
    });
  });

  it('answers each refusal with its code, status and field', async () => {
    const orgId = (await call<Organisation>('POST', '/api/v1/orgs', 'ana', { name: 'Rules', kind: 'artist' }))
      .body.orgId;
    const elsewhere = (
      await call<Organisation>('POST', '/api/v1/orgs', 'cy', { name: 'Elsewhere', kind: 'artist' })
    ).body.orgId;

    // not a member, and the organisation in the body must be the one in the path
    expect(await call<ProblemDetails>('GET', `/api/v1/orgs/${orgId}`, 'cy')).toMatchObject({
      status: 403,
      body: { code: 'ACCESS.NOT_A_MEMBER' },
    });
    // staff with staff.users.read may look in, without a role
    expect(
      await call<Organisation>('GET', `/api/v1/orgs/${orgId}`, 'cy', undefined, ['support']),
    ).toMatchObject({
      status: 200,
      body: { orgId, myRole: null },
    });
    // a member of another organisation is not found in this one
    expect(
      await call<ProblemDetails>('PATCH', `/api/v1/orgs/${orgId}/members/cy`, 'ana', { role: 'reader' }),
    ).toMatchObject({
      status: 404,
      body: { code: 'IDENTITY.MEMBER_NOT_FOUND' },
    });
    expect(await call<ProblemDetails>('DELETE', `/api/v1/orgs/${orgId}/members/ana`, 'ana')).toMatchObject({
      status: 409,
      body: { code: 'IDENTITY.LAST_OWNER' },
    });
    expect(
      await call<ProblemDetails>('POST', `/api/v1/orgs/${orgId}/invitations`, 'ana', {
        email: 'not-an-address',
        role: 'boss',
      }),
    ).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION.FAILED',
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'email' }),
          expect.objectContaining({ field: 'role' }),
        ]) as unknown,
      },
    });
    expect(
      await call<ProblemDetails>('POST', '/api/v1/orgs', 'ana', {
        name: 'X',
        kind: 'artist',
        orgId: elsewhere,
      }),
    ).toMatchObject({
      status: 400,
      body: {
        errors: [expect.objectContaining({ field: 'orgId', code: 'VALIDATION.UNKNOWN_FIELD' })] as unknown,
      },
    });
    expect(
      await call<ProblemDetails>('GET', `/api/v1/orgs/${orgId}/activity?cursor=abc`, 'ana'),
    ).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'cursor' })] as unknown },
    });
    expect(await call<ProblemDetails>('GET', '/api/v1/invitations/unknown-token', null)).toMatchObject({
      status: 404,
      body: { code: 'IDENTITY.INVITATION_NOT_FOUND' },
    });
    expect((await call('GET', '/api/v1/orgs', null)).status).toBe(401);
  });
});
