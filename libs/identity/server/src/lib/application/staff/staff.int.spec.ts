import { STAFF_ROLE_DIRECTORY, type StaffRoleDirectory } from './staff-roles';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/account-services';
import { StartSession } from '../accounts/sessions/start-session.command';
import { CreateOrganisation } from '../teams/create-organisation/create-organisation.command';
import {
  accountsCoreProviders,
  type IdentityTestApp,
  staffTestPersistence,
  startIdentityTestApp,
} from '../teams/identity.test-kit';
import { teamsArea } from '../teams/teams.area';
import { DecideApproval } from './decide-approval/decide-approval.command';
import { GrantStaffRole } from './grant-staff-role/grant-staff-role.command';
import { RevokeStaffRole } from './revoke-staff-role/revoke-staff-role.command';
import { RevokeUserSessions } from './revoke-user-sessions/revoke-user-sessions.command';
import { type StaffAction, type StaffActionContext, StaffActions } from './staff-actions';
import { StaffActionRunner } from './staff-action.runner';
import { staffArea } from './staff.area';
import { StaffBootstrap } from './staff-bootstrap.service';
import { StaffQueries } from './staff.queries';
import { staffRolesStreamId, type StaffActor } from './staff-streams';

const BOOTSTRAP_EMAIL = 'root@bandstand.test';

/** A money action as royalties or rewards will register one: it needs approval only above the threshold. */
class TestCreditAction implements StaffAction<{ readonly accountId: string; readonly amountMinor: number }> {
  readonly kind = 'test.credit';
  readonly executed: { payload: unknown; context: StaffActionContext }[] = [];

  amountOf(payload: { readonly amountMinor: number }) {
    return { minor: payload.amountMinor, currency: 'EUR' };
  }

  needsApproval(): boolean {
    return false;
  }

  summary(payload: { readonly accountId: string; readonly amountMinor: number }): string {
    return `Credit ${payload.amountMinor / 100} EUR to ${payload.accountId}`;
  }

  execute(payload: unknown, context: StaffActionContext): Promise<void> {
    this.executed.push({ payload, context });
    return Promise.resolve();
  }
}

describe('staff roles, approvals and users (on PostgreSQL, with the accounts read models)', () => {
  let test: IdentityTestApp;
  let accounts: AccountDirectory;
  let roles: StaffRoleDirectory;
  let queries: StaffQueries;
  const credit = new TestCreditAction();
  const ids: Record<'root' | 'sam' | 'sue' | 'tia', string> = { root: '', sam: '', sue: '', tia: '' };
  const as = (userId: string): StaffActor => ({ userId, correlationId: `corr-${userId}` });

  beforeAll(async () => {
    test = await startIdentityTestApp({
      areas: [teamsArea, staffArea],
      persistence: staffTestPersistence,
      config: {
        STAFF_BOOTSTRAP_ADMIN_EMAIL: ` ${BOOTSTRAP_EMAIL.toUpperCase()} `,
        AUTH_REFRESH_TOKEN_TTL_DAYS: 30,
      },
      providers: accountsCoreProviders,
    });
    accounts = test.app.get(ACCOUNT_DIRECTORY);
    roles = test.app.get(STAFF_ROLE_DIRECTORY);
    queries = test.app.get(StaffQueries);
    test.app.get(StaffActions).register(credit);
    const metadata = { correlationId: 'setup', actor: 'system:test' };
    // The accounts area calls the staff bootstrap when an address is verified.
    ids.root = await accounts.registerVerified({ email: BOOTSTRAP_EMAIL, displayName: 'Root' }, metadata);
    ids.sam = await accounts.registerVerified(
      { email: 'sam@bandstand.test', displayName: 'Sam Stone' },
      metadata,
    );
    ids.sue = await accounts.registerVerified(
      { email: 'sue@bandstand.test', displayName: 'Sue Shaw' },
      metadata,
    );
    ids.tia = await accounts.registerVerified(
      { email: 'tia@example.com', displayName: 'Tia Sampson' },
      metadata,
    );
  });
  afterAll(async () => {
    await test.close();
  });

  it('makes the STAFF_BOOTSTRAP_ADMIN_EMAIL account admin when it is verified, and nobody after', async () => {
    expect(await roles.rolesOf(ids.root)).toEqual(['admin']);
    const { events } = await test.kernel.store.readStream(staffRolesStreamId(ids.root));
    expect(events).toMatchObject([
      {
        type: 'StaffRoleGranted',
        data: { userId: ids.root, role: 'admin', grantedBy: 'system', approvalId: null },
        metadata: { actor: 'system', correlationId: 'setup' },
      },
    ]);
    const bootstrap = test.app.get(StaffBootstrap);
    expect(await bootstrap.grantBootstrapAdmin(ids.sam, BOOTSTRAP_EMAIL)).toBe(false);
    expect(await bootstrap.grantBootstrapAdmin(ids.sam, 'sam@bandstand.test')).toBe(false);
    expect(await roles.rolesOf(ids.sam)).toEqual([]);
  });

  it('grants roles other than admin at once, and lets the sole admin name a second admin', async () => {
    await expect(
      test.commands.execute(new GrantStaffRole(ids.sue, 'support', as(ids.root))),
    ).resolves.toEqual({
      status: 'done',
    });
    expect(await roles.rolesOf(ids.sue)).toEqual(['support']);
    // nobody else could approve: the sole admin's grant of admin is done at once
    await expect(test.commands.execute(new GrantStaffRole(ids.sam, 'admin', as(ids.root)))).resolves.toEqual({
      status: 'done',
    });
    expect(await roles.rolesOf(ids.sam)).toEqual(['admin']);
    await expect(
      test.commands.execute(new GrantStaffRole('nobody', 'support', as(ids.root))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.USER_NOT_FOUND',
      status: 404,
    });
  });

  it('needs a second admin to grant admin once there are two; the requester cannot approve', async () => {
    const result = await test.commands.execute(new GrantStaffRole(ids.tia, 'admin', as(ids.root)));
    if (result.status !== 'approval-required') throw new Error(`expected an approval, got ${result.status}`);
    expect(await roles.rolesOf(ids.tia)).toEqual([]);
    expect(await queries.approvals('pending')).toContainEqual(
      expect.objectContaining({
        approvalId: result.approvalId,
        action: 'staff.grant-role',
        summary: 'Grant admin to tia@example.com',
        amountMinor: null,
        requestedBy: ids.root,
        status: 'pending',
      }),
    );

    await expect(
      test.commands.execute(new DecideApproval(result.approvalId, { approve: true }, as(ids.root))),
    ).rejects.toMatchObject({ code: 'IDENTITY.APPROVAL_BY_REQUESTER', status: 403 });
    expect(await roles.rolesOf(ids.tia)).toEqual([]);

    await test.commands.execute(new DecideApproval(result.approvalId, { approve: true }, as(ids.sam)));
    expect(await roles.rolesOf(ids.tia)).toEqual(['admin']);
    expect(await queries.approval(result.approvalId)).toMatchObject({
      status: 'approved',
      decidedBy: ids.sam,
    });
    const { events } = await test.kernel.store.readStream(staffRolesStreamId(ids.tia));
    expect(events).toMatchObject([
      {
        type: 'StaffRoleGranted',
        data: { role: 'admin', grantedBy: ids.root, approvalId: result.approvalId },
        metadata: { actor: `user:${ids.sam}` },
      },
    ]);
    await expect(
      test.commands.execute(new DecideApproval(result.approvalId, { approve: true }, as(ids.tia))),
    ).rejects.toMatchObject({ code: 'IDENTITY.APPROVAL_NOT_PENDING' });
  });

  it('leaves a rejected request undone, with its reason', async () => {
    const result = await test.commands.execute(new GrantStaffRole(ids.sue, 'admin', as(ids.sam)));
    if (result.status !== 'approval-required') throw new Error(`expected an approval, got ${result.status}`);
    await test.commands.execute(
      new DecideApproval(result.approvalId, { approve: false, reason: 'Support only' }, as(ids.tia)),
    );
    expect(await queries.approval(result.approvalId)).toMatchObject({
      status: 'rejected',
      decidedBy: ids.tia,
      reason: 'Support only',
      decidedAt: expect.any(String) as string,
    });
    expect(await roles.rolesOf(ids.sue)).toEqual(['support']);
    await expect(
      test.commands.execute(new DecideApproval('no-such-approval', { approve: true }, as(ids.tia))),
    ).rejects.toMatchObject({ code: 'IDENTITY.APPROVAL_NOT_FOUND', status: 404 });
  });

  it('needs a second approver for money above STAFF_APPROVAL_THRESHOLD_MINOR, and executes on approval', async () => {
    const runner = test.app.get(StaffActionRunner);
    await expect(
      runner.perform('test.credit', { accountId: 'acc-1', amountMinor: 10_000 }, as(ids.sue)),
    ).resolves.toEqual({
      status: 'done',
    });
    expect(credit.executed).toHaveLength(1);
    expect(credit.executed[0]?.context).toMatchObject({ requestedBy: ids.sue, approvalId: null });

    const result = await runner.perform(
      'test.credit',
      { accountId: 'acc-2', amountMinor: 10_001 },
      as(ids.sue),
    );
    if (result.status !== 'approval-required') throw new Error(`expected an approval, got ${result.status}`);
    expect(credit.executed).toHaveLength(1);
    expect(await queries.approval(result.approvalId)).toMatchObject({
      action: 'test.credit',
      amountMinor: 10_001,
      currency: 'EUR',
      summary: 'Credit 100.01 EUR to acc-2',
      status: 'pending',
    });
    await runner.approve(result.approvalId, as(ids.sam));
    expect(credit.executed[1]).toMatchObject({
      payload: { accountId: 'acc-2', amountMinor: 10_001 },
      context: { requestedBy: ids.sue, approvalId: result.approvalId, actor: { userId: ids.sam } },
    });
  });

  it('rolls the approval back when its action fails', async () => {
    const runner = test.app.get(StaffActionRunner);
    const result = await runner.perform(
      'test.credit',
      { accountId: 'acc-3', amountMinor: 50_000 },
      as(ids.sue),
    );
    if (result.status !== 'approval-required') throw new Error(`expected an approval, got ${result.status}`);
    const failing = credit.execute.bind(credit);
    credit.execute = () => Promise.reject(new Error('the ledger is closed'));
    try {
      await expect(runner.approve(result.approvalId, as(ids.sam))).rejects.toThrow('the ledger is closed');
    } finally {
      credit.execute = failing;
    }
    expect(await queries.approval(result.approvalId)).toMatchObject({ status: 'pending', decidedBy: null });
  });

  it('revokes roles at once, but never an admin their own admin role', async () => {
    await expect(
      test.commands.execute(new RevokeStaffRole(ids.root, 'admin', as(ids.root))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.OWN_ADMIN_ROLE',
    });
    await expect(
      test.commands.execute(new RevokeStaffRole(ids.sue, 'auditor', as(ids.root))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.STAFF_ROLE_NOT_HELD',
      status: 409,
    });
    await test.commands.execute(new RevokeStaffRole(ids.tia, 'admin', as(ids.root)));
    expect(await roles.rolesOf(ids.tia)).toEqual([]);
  });

  it('finds users by the start of their e-mail or part of their name, newest first, a page at a time', async () => {
    const byEmail = await queries.users('SAM@', undefined, 10);
    expect(byEmail.items.map((user) => user.displayName)).toEqual(['Sam Stone']);
    expect((await queries.users('sampson', undefined, 10)).items.map((user) => user.displayName)).toEqual([
      'Tia Sampson',
    ]);
    const either = await queries.users('sa', undefined, 10);
    expect(either.items.map((user) => user.displayName)).toEqual(['Tia Sampson', 'Sam Stone']);
    expect(either.items[1]).toMatchObject({
      email: 'sam@bandstand.test',
      staffRoles: ['admin'],
      deleted: false,
    });
    expect((await queries.users('%', undefined, 10)).items).toEqual([]);

    const first = await queries.users(undefined, undefined, 3);
    const second = await queries.users(undefined, first.nextCursor ?? undefined, 3);
    expect([...first.items, ...second.items].map((user) => user.displayName)).toEqual([
      'Tia Sampson',
      'Sue Shaw',
      'Sam Stone',
      'Root',
    ]);
    expect(second.nextCursor).toBeNull();
    await expect(queries.users(undefined, 'not-a-cursor', 3)).rejects.toMatchObject({
      status: 400,
      field: 'cursor',
    });
  });

  it("shows a user's organisations and active sessions, and revokes the sessions", async () => {
    const { orgId } = await test.commands.execute(
      new CreateOrganisation('Sue Sings', 'artist', { userId: ids.sue, correlationId: 'corr-org' }),
    );
    for (const sessionId of ['sess-1', 'sess-2']) {
      await test.commands.execute(
        new StartSession(
          sessionId,
          {
            userId: ids.sue,
            method: 'password',
            userAgent: null,
            refreshTokenHash: `hash-${sessionId}`,
            ttlSeconds: 3600,
          },
          { correlationId: 'corr-session', actor: `user:${ids.sue}`, tenantId: ids.sue },
        ),
      );
    }
    expect(await queries.user(ids.sue)).toMatchObject({
      userId: ids.sue,
      email: 'sue@bandstand.test',
      staffRoles: ['support'],
      emailVerified: true,
      organisations: [{ orgId, name: 'Sue Sings', kind: 'artist', role: 'owner' }],
      activeSessions: 2,
    });

    await expect(test.commands.execute(new RevokeUserSessions(ids.sue, as(ids.sam)))).resolves.toEqual({
      revoked: 2,
    });
    expect((await queries.user(ids.sue)).activeSessions).toBe(0);
    expect(
      await test.db.query(
        'select session_id, revoked_reason from identity.sessions where user_id = $1 order by session_id',
        [ids.sue],
      ),
    ).toEqual([
      { session_id: 'sess-1', revoked_reason: 'staff' },
      { session_id: 'sess-2', revoked_reason: 'staff' },
    ]);
    await expect(queries.user('nobody')).rejects.toMatchObject({ code: 'IDENTITY.USER_NOT_FOUND' });
  });
});
