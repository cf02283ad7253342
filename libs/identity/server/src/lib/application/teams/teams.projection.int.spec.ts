import { type OrganisationEvent } from '@bandstand/identity/domain';
import { FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  createKernelTestHarness,
  type GivenEvent,
  type KernelTestHarness,
  projectionSpec,
} from '@bandstand/shared/event-store/testing';
import { type KernelTransaction, type StoredEvent } from '@bandstand/shared/event-store';
import { PostgresPersonalDataVault } from '../../infrastructure/vault/personal-data.vault';
import { TEST_PERSONAL_DATA_KEY, TestAccountDirectory, teamsTestPersistence } from './identity.test-kit';
import { invitationSubject } from './invitation-subject';
import { organisationStreamId } from './organisation-stream';
import { TeamActivityProjection } from './team-activity.projection';
import { TeamsProjection } from './teams.projection';

const ORG = 'org-proj';
const EXPIRES = '2026-01-08T00:00:00.000Z';

describe('teams projections', () => {
  let kernel: KernelTestHarness;
  let vault: PostgresPersonalDataVault;
  let teams: TeamsProjection;
  let activity: TeamActivityProjection;
  const accounts = new TestAccountDirectory();
  accounts.add('ana', 'ana@example.com', 'Ana');
  accounts.add('bo', 'bo@example.com', 'Bo');

  const at = (orgId: string, event: OrganisationEvent, actor = 'user:ana'): GivenEvent => ({
    ...event,
    streamId: organisationStreamId(orgId),
    metadata: { actor, tenantId: orgId },
  });

  async function history(orgId: string): Promise<GivenEvent[]> {
    return [
      at(orgId, {
        type: 'OrganisationCreated',
        data: { orgId, name: 'Night Owls', kind: 'label', ownerId: 'ana' },
      }),
      at(orgId, {
        type: 'MemberInvited',
        data: {
          invitationId: `${orgId}-inv-1`,
          email: await vault.seal(invitationSubject(`${orgId}-hash-1`), 'bo@example.com'),
          emailDigest: 'digest-bo',
          role: 'editor',
          tokenHash: `${orgId}-hash-1`,
          expiresAt: EXPIRES,
          invitedBy: 'ana',
        },
      }),
      at(
        orgId,
        {
          type: 'InvitationAccepted',
          data: { invitationId: `${orgId}-inv-1`, userId: 'bo', role: 'editor' },
        },
        'user:bo',
      ),
      at(orgId, {
        type: 'MemberRoleChanged',
        data: { userId: 'bo', from: 'editor', to: 'admin', by: 'ana' },
      }),
      at(
        orgId,
        {
          type: 'MemberInvited',
          data: {
            invitationId: `${orgId}-inv-2`,
            email: await vault.seal(invitationSubject(`${orgId}-hash-2`), 'cy@example.com'),
            emailDigest: 'digest-cy',
            role: 'reader',
            tokenHash: `${orgId}-hash-2`,
            expiresAt: EXPIRES,
            invitedBy: 'bo',
          },
        },
        'user:bo',
      ),
      at(orgId, {
        type: 'InvitationRevoked',
        data: { invitationId: `${orgId}-inv-2`, revokedBy: 'ana', reason: 'revoked' },
      }),
      at(orgId, {
        type: 'OrganisationRenamed',
        data: { name: 'Day Owls', previousName: 'Night Owls', by: 'ana' },
      }),
      at(orgId, { type: 'MemberRemoved', data: { userId: 'bo', by: 'bo' } }, 'user:bo'),
      at(orgId, { type: 'MemberRemoved', data: { userId: 'gone', by: 'system' } }, 'system'),
    ];
  }

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [teamsTestPersistence] });
    vault = new PostgresPersonalDataVault(kernel.db, TEST_PERSONAL_DATA_KEY);
    teams = new TeamsProjection(vault);
    activity = new TeamActivityProjection(accounts, vault);
  });
  afterAll(async () => {
    await kernel.close();
  });

  it('keeps organisations, memberships and invitations', async () => {
    const events = await history(ORG);
    await projectionSpec(teams, kernel)
      .given(events)
      .thenRows(`select org_id, name, kind, created_by from identity.organisations`, [
        { org_id: ORG, name: 'Day Owls', kind: 'label', created_by: 'ana' },
      ]);
    await projectionSpec(teams, kernel)
      .given(events.slice(0, 4))
      .thenRows(
        `select user_id, role, to_char(joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as joined_at
           from identity.memberships order by user_id`,
        [
          { user_id: 'ana', role: 'owner', joined_at: FIXED_NOW_ISO },
          { user_id: 'bo', role: 'admin', joined_at: FIXED_NOW_ISO },
        ],
      );
    await projectionSpec(teams, kernel)
      .given(events)
      .thenRows(
        `select invitation_id, email, email_digest, role, status, invited_by, accepted_by,
                decided_at is not null as decided,
                to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as expires_at
           from identity.invitations order by invitation_id`,
        [
          {
            invitation_id: `${ORG}-inv-1`,
            email: 'bo@example.com',
            email_digest: 'digest-bo',
            role: 'editor',
            status: 'accepted',
            invited_by: 'ana',
            accepted_by: 'bo',
            decided: true,
            expires_at: EXPIRES,
          },
          {
            invitation_id: `${ORG}-inv-2`,
            email: 'cy@example.com',
            email_digest: 'digest-cy',
            role: 'reader',
            status: 'revoked',
            invited_by: 'bo',
            accepted_by: null,
            decided: true,
            expires_at: EXPIRES,
          },
        ],
      );
    await projectionSpec(teams, kernel)
      .given(events)
      .thenRows('select user_id, role from identity.memberships', [{ user_id: 'ana', role: 'owner' }]);
  });

  it('gives the same rows one event at a time', async () => {
    await projectionSpec(teams, kernel, { batchSize: 1 })
      .given(await history('org-batched'))
      .thenRows(`select user_id, role from identity.memberships where org_id = 'org-batched'`, [
        { user_id: 'ana', role: 'owner' },
      ]);
  });

  it('logs one sentence per event with the actor named as then', async () => {
    // As in the command path: the teams projection runs first, in the same transaction.
    const both = {
      async handle(events: readonly StoredEvent[], tx: KernelTransaction) {
        await teams.handle(events, tx);
        await activity.handle(events, tx);
      },
      async truncate(tx: KernelTransaction) {
        await teams.truncate(tx);
        await activity.truncate(tx);
      },
    };
    await projectionSpec(both, kernel)
      .given(await history('org-log'))
      .thenRows(
        `select stream_version, actor_id, actor_name, kind, summary from identity.team_activity
          where org_id = 'org-log' order by stream_version`,
        [
          {
            stream_version: 1,
            actor_id: 'ana',
            actor_name: 'Ana',
            kind: 'organisation-created',
            summary: 'Ana created Night Owls',
          },
          {
            stream_version: 2,
            actor_id: 'ana',
            actor_name: 'Ana',
            kind: 'member-invited',
            summary: 'Ana invited bo@example.com as editor',
          },
          {
            stream_version: 3,
            actor_id: 'bo',
            actor_name: 'Bo',
            kind: 'invitation-accepted',
            summary: 'Bo joined as editor',
          },
          {
            stream_version: 4,
            actor_id: 'ana',
            actor_name: 'Ana',
            kind: 'member-role-changed',
            summary: "Ana changed Bo's role from editor to admin",
          },
          {
            stream_version: 5,
            actor_id: 'bo',
            actor_name: 'Bo',
            kind: 'member-invited',
            summary: 'Bo invited cy@example.com as reader',
          },
          {
            stream_version: 6,
            actor_id: 'ana',
            actor_name: 'Ana',
            kind: 'invitation-revoked',
            summary: 'Ana revoked the invitation of cy@example.com',
          },
          {
            stream_version: 7,
            actor_id: 'ana',
            actor_name: 'Ana',
            kind: 'organisation-renamed',
            summary: 'Ana renamed Night Owls to Day Owls',
          },
          {
            stream_version: 8,
            actor_id: 'bo',
            actor_name: 'Bo',
            kind: 'member-removed',
            summary: 'Bo left the team',
          },
          {
            stream_version: 9,
            actor_id: null,
            actor_name: 'Bandstand',
            kind: 'member-removed',
            summary: 'Bandstand removed Someone',
          },
        ],
      );
  });
});
