import { fixedKernelClock } from '@bandstand/shared/event-store/testing';
import { type MailMessage } from '../../ports/mail.port';
import { TeamsQueries } from './teams.queries';
import { TeamMemberships } from './team-memberships.service';
import { teamsArea } from './teams.area';
import { CreateOrganisation } from './create-organisation/create-organisation.command';
import { InviteMember } from './invite-member/invite-member.command';
import { AcceptInvitation } from './accept-invitation/accept-invitation.command';
import { ChangeMemberRole } from './change-member-role/change-member-role.command';
import { RemoveMember } from './remove-member/remove-member.command';
import { RenameOrganisation } from './rename-organisation/rename-organisation.command';
import { RevokeInvitation } from './revoke-invitation/revoke-invitation.command';
import { type OrganisationActor, organisationStreamId } from './organisation-stream';
import {
  accountDirectoryProvider,
  type IdentityTestApp,
  startIdentityTestApp,
  TEST_PUBLIC_URL,
  TestAccountDirectory,
} from './identity.test-kit';

const actor = (userId: string): OrganisationActor => ({ userId, correlationId: `corr-${userId}` });

describe('teams (commands, inline read models and queries on PostgreSQL)', () => {
  const accounts = new TestAccountDirectory();
  accounts.add('ana', 'ana@example.com', 'Ana');
  accounts.add('bo', 'Bo@Example.com', 'Bo');
  accounts.add('cy', 'cy@example.com', 'Cy');
  accounts.add('dee', 'dee@example.com', 'Dee');
  let test: IdentityTestApp;
  let queries: TeamsQueries;
  let memberships: TeamMemberships;

  beforeAll(async () => {
    test = await startIdentityTestApp({
      areas: [teamsArea],
      providers: [accountDirectoryProvider(accounts)],
    });
    queries = test.app.get(TeamsQueries);
    memberships = test.app.get(TeamMemberships);
  });
  afterAll(async () => {
    await test.close();
  });

  async function createOrganisation(owner: string, name: string): Promise<string> {
    const { orgId } = await test.commands.execute(new CreateOrganisation(name, 'artist', actor(owner)));
    return orgId;
  }

  /** Invites and returns the token, read back from the mail the command scheduled. */
  async function invite(
    orgId: string,
    by: string,
    email: string,
    role: 'admin' | 'editor' | 'reader' | 'owner',
  ) {
    const { invitationId } = await test.commands.execute(new InviteMember(orgId, email, role, actor(by)));
    const mail = await lastInvitationMail(orgId);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (token === undefined) throw new Error(`No token in the mail: ${mail.text}`);
    return { invitationId, token, mail };
  }

  async function lastInvitationMail(orgId: string): Promise<MailMessage> {
    const [job] = await test.db.query<{ data: { subjectId: string; sealed: string } }>(
      `select data from kernel.job_outbox where data->>'subjectId' in
         (select 'invitation:' || token_hash from identity.invitations where org_id = $1)
       order by id desc limit 1`,
      [orgId],
    );
    if (job === undefined) throw new Error('No mail was scheduled');
    const opened = await test.vault.open(job.data.subjectId, job.data.sealed);
    if (opened === null) throw new Error('The mail cannot be opened');
    return JSON.parse(opened) as MailMessage;
  }

  it('creates an organisation with its creator as owner, and lists it for them', async () => {
    const orgId = await createOrganisation('ana', 'Night Owls');
    expect(await memberships.roleIn(orgId, 'ana')).toBe('owner');
    expect(await memberships.roleIn(orgId, 'bo')).toBeNull();
    expect(await queries.organisationsOf('ana')).toContainEqual(
      expect.objectContaining({ orgId, name: 'Night Owls', kind: 'artist', myRole: 'owner' }),
    );
    expect(await queries.members(orgId)).toEqual([
      {
        userId: 'ana',
        displayName: 'Ana',
        email: 'ana@example.com',
        role: 'owner',
        joinedAt: expect.any(String) as string,
      },
    ]);
    const events = await test.kernel.store.readStream(organisationStreamId(orgId));
    expect(events.events[0]?.metadata).toMatchObject({
      actor: 'user:ana',
      tenantId: orgId,
      correlationId: 'corr-ana',
    });
  });

  it('invites → accepts → changes the role → removes, and the lookup follows at once', async () => {
    const orgId = await createOrganisation('ana', 'Lark Records');
    const { invitationId, token, mail } = await invite(orgId, 'ana', 'bo@example.com', 'editor');
    expect(mail).toMatchObject({
      to: 'bo@example.com',
      subject: expect.stringContaining('Lark Records') as string,
    });
    expect(mail.text).toContain(`${TEST_PUBLIC_URL}/creator/invitations/accept?token=${token}`);
    expect(await queries.invitations(orgId)).toEqual([
      expect.objectContaining({
        invitationId,
        email: 'bo@example.com',
        role: 'editor',
        invitedBy: 'Ana',
        status: 'pending',
      }),
    ]);
    // the address is sealed in the event, never stored readable there
    const { events } = await test.kernel.store.readStream(organisationStreamId(orgId));
    expect(JSON.stringify(events.map((event) => event.data))).not.toContain('bo@example.com');

    expect(await queries.preview(token)).toMatchObject({
      orgName: 'Lark Records',
      role: 'editor',
      invitedBy: 'Ana',
      email: 'bo@example.com',
    });

    // Cy signed in with another address cannot take Bo's invitation
    await expect(test.commands.execute(new AcceptInvitation(token, actor('cy')))).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_FOR_ANOTHER_EMAIL',
      status: 403,
    });
    // the digest ignores case: Bo's account says Bo@Example.com
    await expect(test.commands.execute(new AcceptInvitation(token, actor('bo')))).resolves.toEqual({ orgId });
    expect(await memberships.roleIn(orgId, 'bo')).toBe('editor');
    await expect(queries.preview(token)).rejects.toMatchObject({ code: 'IDENTITY.INVITATION_NOT_PENDING' });
    await expect(test.commands.execute(new AcceptInvitation(token, actor('bo')))).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_PENDING',
    });

    await test.commands.execute(new ChangeMemberRole(orgId, 'bo', 'admin', actor('ana')));
    expect(await memberships.roleIn(orgId, 'bo')).toBe('admin');
    // an admin manages the team but not its owners
    await expect(
      test.commands.execute(new ChangeMemberRole(orgId, 'ana', 'reader', actor('bo'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.OWNERS_ONLY',
    });

    await test.commands.execute(new RemoveMember(orgId, 'bo', actor('ana')));
    expect(await memberships.roleIn(orgId, 'bo')).toBeNull();
    // removed: Bo's stale role no longer lets him act
    await expect(
      test.commands.execute(new RenameOrganisation(orgId, 'Bo Records', actor('bo'))),
    ).rejects.toMatchObject({
      code: 'ACCESS.FORBIDDEN',
    });
  });

  it('keeps the last owner', async () => {
    const orgId = await createOrganisation('ana', 'Solo');
    await expect(test.commands.execute(new RemoveMember(orgId, 'ana', actor('ana')))).rejects.toMatchObject({
      code: 'IDENTITY.LAST_OWNER',
      status: 409,
    });
    await expect(
      test.commands.execute(new ChangeMemberRole(orgId, 'ana', 'admin', actor('ana'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.LAST_OWNER',
    });
    expect(await memberships.soleOwnerOf('ana')).toContain(orgId);

    const { token } = await invite(orgId, 'ana', 'cy@example.com', 'owner');
    await test.commands.execute(new AcceptInvitation(token, actor('cy')));
    expect(await memberships.soleOwnerOf('ana')).not.toContain(orgId);
    await test.commands.execute(new RemoveMember(orgId, 'ana', actor('ana')));
    expect(await memberships.roleIn(orgId, 'ana')).toBeNull();
    expect(await memberships.soleOwnerOf('cy')).toContain(orgId);
  });

  it('only knows members, invitations and tokens of the organisation addressed', async () => {
    const ours = await createOrganisation('ana', 'Ours');
    const theirs = await createOrganisation('dee', 'Theirs');
    const { invitationId } = await invite(theirs, 'dee', 'cy@example.com', 'reader');
    await expect(test.commands.execute(new RemoveMember(ours, 'dee', actor('ana')))).rejects.toMatchObject({
      code: 'IDENTITY.MEMBER_NOT_FOUND',
      status: 404,
    });
    await expect(
      test.commands.execute(new ChangeMemberRole(ours, 'dee', 'reader', actor('ana'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.MEMBER_NOT_FOUND',
    });
    await expect(
      test.commands.execute(new RevokeInvitation(ours, invitationId, actor('ana'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_FOUND',
      status: 404,
    });
    await expect(queries.invitation(ours, invitationId)).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_FOUND',
    });
    await expect(
      test.commands.execute(new AcceptInvitation('no-such-token', actor('cy'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_FOUND',
    });
    await expect(queries.preview('no-such-token')).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_FOUND',
      status: 404,
    });
  });

  it('refuses to invite a member, and replaces a pending invitation to the same address', async () => {
    const orgId = await createOrganisation('ana', 'Replays');
    await expect(
      test.commands.execute(new InviteMember(orgId, 'ANA@example.com', 'reader', actor('ana'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.ALREADY_MEMBER',
      status: 409,
    });
    const first = await invite(orgId, 'ana', 'dee@example.com', 'reader');
    const second = await invite(orgId, 'ana', 'dee@example.com', 'editor');
    expect(
      (await queries.invitations(orgId)).map(({ invitationId, status, role }) => ({
        invitationId,
        status,
        role,
      })),
    ).toEqual([
      { invitationId: second.invitationId, status: 'pending', role: 'editor' },
      { invitationId: first.invitationId, status: 'revoked', role: 'reader' },
    ]);
    await expect(
      test.commands.execute(new AcceptInvitation(first.token, actor('dee'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_PENDING',
    });
    await test.commands.execute(new RevokeInvitation(orgId, second.invitationId, actor('ana')));
    await expect(
      test.commands.execute(new AcceptInvitation(second.token, actor('dee'))),
    ).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_NOT_PENDING',
    });
    expect(await memberships.roleIn(orgId, 'dee')).toBeNull();
  });

  it('logs every change of the team with names, newest first, a page at a time', async () => {
    const orgId = await createOrganisation('ana', 'Chronicle');
    const { token } = await invite(orgId, 'ana', 'bo@example.com', 'editor');
    await test.commands.execute(new AcceptInvitation(token, actor('bo')));
    await test.commands.execute(new ChangeMemberRole(orgId, 'bo', 'reader', actor('ana')));
    const second = await invite(orgId, 'ana', 'cy@example.com', 'reader');
    await invite(orgId, 'ana', 'cy@example.com', 'admin');
    await test.commands.execute(
      new RevokeInvitation(orgId, (await queries.invitations(orgId))[0]?.invitationId ?? '', actor('ana')),
    );
    await test.commands.execute(new RenameOrganisation(orgId, 'Chronicles', actor('ana')));
    await test.commands.execute(new RemoveMember(orgId, 'bo', actor('ana')));
    expect(second.invitationId).toEqual(expect.any(String));

    const first = await queries.activity(orgId, undefined, 5);
    const rest = await queries.activity(orgId, first.nextCursor ?? undefined, 5);
    expect(rest.nextCursor).toBeNull();
    expect(
      [...first.items, ...rest.items].map(({ kind, summary, actor: who }) => [
        kind,
        who.displayName,
        summary,
      ]),
    ).toEqual([
      ['member-removed', 'Ana', 'Ana removed Bo'],
      ['organisation-renamed', 'Ana', 'Ana renamed Chronicle to Chronicles'],
      ['invitation-revoked', 'Ana', 'Ana revoked the invitation of cy@example.com'],
      ['member-invited', 'Ana', 'Ana invited cy@example.com as admin'],
      ['invitation-revoked', 'Ana', 'Ana replaced the earlier invitation of cy@example.com'],
      ['member-invited', 'Ana', 'Ana invited cy@example.com as reader'],
      ['member-role-changed', 'Ana', "Ana changed Bo's role from editor to reader"],
      ['invitation-accepted', 'Bo', 'Bo joined as editor'],
      ['member-invited', 'Ana', 'Ana invited bo@example.com as editor'],
      ['organisation-created', 'Ana', 'Ana created Chronicle'],
    ]);
    expect(first.items).toHaveLength(5);
    expect(first.items[0]?.actor).toEqual({ userId: 'ana', displayName: 'Ana' });
  });

  it('shows an invitation past its 7 days as expired, and refuses its preview', async () => {
    const orgId = await createOrganisation('ana', 'Later');
    const { token, invitationId } = await invite(orgId, 'ana', 'dee@example.com', 'reader');
    const eightDaysOn = new TeamsQueries(
      test.db,
      accounts,
      fixedKernelClock({ now: '2026-01-09T00:00:00.000Z' }),
    );
    expect(await eightDaysOn.invitation(orgId, invitationId)).toMatchObject({ status: 'expired' });
    await expect(eightDaysOn.preview(token)).rejects.toMatchObject({
      code: 'IDENTITY.INVITATION_EXPIRED',
      status: 410,
    });
    expect(await queries.invitation(orgId, invitationId)).toMatchObject({ status: 'pending' });
  });

  it('rolls the invitation and its mail back together when the decision fails', async () => {
    const orgId = await createOrganisation('ana', 'Atomic');
    const before = await test.db.query<{ count: string }>('select count(*) from kernel.job_outbox');
    await expect(
      test.commands.execute(new InviteMember(orgId, 'cy@example.com', 'owner', actor('bo'))),
    ).rejects.toMatchObject({
      code: 'ACCESS.FORBIDDEN',
    });
    expect(await test.db.query<{ count: string }>('select count(*) from kernel.job_outbox')).toEqual(before);
    expect(await queries.invitations(orgId)).toEqual([]);
  });
});
