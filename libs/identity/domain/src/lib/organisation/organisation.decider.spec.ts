import { deciderSpec, sequentialId } from '@bandstand/shared/domain';
import { type OrgRole } from '@bandstand/shared/contracts';
import { organisationDecider, type OrganisationEvent } from './organisation.decider';
import {
  AlreadyMember,
  InvitationExpired,
  InvitationForAnotherEmail,
  InvitationNotFound,
  InvitationNotPending,
  LastOwner,
  MemberNotFound,
  OrganisationExists,
  OrganisationNotFound,
  OwnersOnly,
  TeamPermissionMissing,
} from './organisation.errors';

const ORG = 'org-1';
const ANA = 'user-ana';
const BO = 'user-bo';
const CY = 'user-cy';
const SEVEN_DAYS_LATER = '2026-01-08T00:00:00.000Z';

const created: OrganisationEvent = {
  type: 'OrganisationCreated',
  data: { orgId: ORG, name: 'Night Owls', kind: 'artist', ownerId: ANA },
};
const invited = (
  invitationId: string,
  digest: string,
  role: OrgRole,
  tokenHash = `hash-${invitationId}`,
): OrganisationEvent => ({
  type: 'MemberInvited',
  data: {
    invitationId,
    email: `sealed-${digest}`,
    emailDigest: digest,
    role,
    tokenHash,
    expiresAt: SEVEN_DAYS_LATER,
    invitedBy: ANA,
  },
});
const accepted = (invitationId: string, userId: string, role: OrgRole): OrganisationEvent => ({
  type: 'InvitationAccepted',
  data: { invitationId, userId, role },
});
/** Ana owns the organisation; Bo joined as admin, Cy as editor. */
const team: OrganisationEvent[] = [
  created,
  invited('inv-bo', 'digest-bo', 'admin'),
  accepted('inv-bo', BO, 'admin'),
  invited('inv-cy', 'digest-cy', 'editor'),
  accepted('inv-cy', CY, 'editor'),
];
const inviteCommand = (
  overrides: Partial<{
    emailDigest: string;
    role: OrgRole;
    actingRole: OrgRole | null;
    inviteeUserId: string | null;
  }> = {},
) => ({
  kind: 'InviteMember' as const,
  email: 'sealed-new',
  emailDigest: 'digest-new',
  inviteeUserId: null,
  role: 'reader' as OrgRole,
  tokenHash: 'hash-new',
  invitedBy: ANA,
  actingRole: 'owner' as OrgRole | null,
  ...overrides,
});

describe('organisationDecider', () => {
  describe('CreateOrganisation', () => {
    it('makes the creator its owner', () => {
      deciderSpec(organisationDecider)
        .when({ kind: 'CreateOrganisation', orgId: ORG, name: 'Night Owls', orgKind: 'artist', ownerId: ANA })
        .then([created]);
      deciderSpec(organisationDecider)
        .when({ kind: 'CreateOrganisation', orgId: ORG, name: 'Night Owls', orgKind: 'artist', ownerId: ANA })
        .thenState({
          created: true,
          name: 'Night Owls',
          members: { [ANA]: 'owner' },
          memberDigests: {},
          invitations: {},
        });
    });

    it('refuses to create it twice', () => {
      deciderSpec(organisationDecider)
        .given([created])
        .when({ kind: 'CreateOrganisation', orgId: ORG, name: 'Again', orgKind: 'label', ownerId: BO })
        .thenThrows(OrganisationExists);
    });
  });

  describe('RenameOrganisation', () => {
    it('renames it for a role with org.manage', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RenameOrganisation', name: 'Day Owls', by: BO, actingRole: 'admin' })
        .then([
          { type: 'OrganisationRenamed', data: { name: 'Day Owls', previousName: 'Night Owls', by: BO } },
        ]);
    });

    it('decides nothing for the same name and refuses roles without org.manage', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RenameOrganisation', name: 'Night Owls', by: ANA, actingRole: 'owner' })
        .thenNothing();
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RenameOrganisation', name: 'Day Owls', by: CY, actingRole: 'editor' })
        .thenThrows('ACCESS.FORBIDDEN');
    });

    it('refuses an organisation that does not exist', () => {
      deciderSpec(organisationDecider)
        .when({ kind: 'RenameOrganisation', name: 'Day Owls', by: ANA, actingRole: 'owner' })
        .thenThrows(OrganisationNotFound);
    });
  });

  describe('InviteMember', () => {
    it('invites for 7 days with a fresh invitation id', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ role: 'accountant', actingRole: 'admin' }))
        .then([
          {
            type: 'MemberInvited',
            data: {
              invitationId: sequentialId(1),
              email: 'sealed-new',
              emailDigest: 'digest-new',
              role: 'accountant',
              tokenHash: 'hash-new',
              expiresAt: SEVEN_DAYS_LATER,
              invitedBy: ANA,
            },
          },
        ]);
    });

    it('replaces a pending invitation to the same address', () => {
      deciderSpec(organisationDecider)
        .given([...team, invited('inv-old', 'digest-new', 'reader')])
        .when(inviteCommand({ role: 'editor' }))
        .then([
          {
            type: 'InvitationRevoked',
            data: { invitationId: 'inv-old', revokedBy: ANA, reason: 'replaced' },
          },
          {
            type: 'MemberInvited',
            data: {
              invitationId: sequentialId(1),
              email: 'sealed-new',
              emailDigest: 'digest-new',
              role: 'editor',
              tokenHash: 'hash-new',
              expiresAt: SEVEN_DAYS_LATER,
              invitedBy: ANA,
            },
          },
        ]);
    });

    it('refuses an address that belongs to a member already', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ emailDigest: 'digest-bo' }))
        .thenThrows(AlreadyMember);
      // the owner created the organisation: only the account lookup knows their address
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ emailDigest: 'digest-ana', inviteeUserId: ANA }))
        .thenThrows('IDENTITY.ALREADY_MEMBER');
    });

    it('lets only owners invite owners, and only team managers invite at all', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ role: 'owner', actingRole: 'admin' }))
        .thenThrows(OwnersOnly);
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ role: 'owner', actingRole: 'owner' }))
        .then([expect.objectContaining({ type: 'MemberInvited' }) as OrganisationEvent]);
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ actingRole: 'editor' }))
        .thenThrows(TeamPermissionMissing);
      deciderSpec(organisationDecider)
        .given(team)
        .when(inviteCommand({ actingRole: null }))
        .thenThrows('ACCESS.FORBIDDEN');
    });
  });

  describe('RevokeInvitation', () => {
    const pending = [...team, invited('inv-dee', 'digest-dee', 'reader')];

    it('revokes a pending invitation', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when({ kind: 'RevokeInvitation', invitationId: 'inv-dee', by: BO, actingRole: 'admin' })
        .then([
          { type: 'InvitationRevoked', data: { invitationId: 'inv-dee', revokedBy: BO, reason: 'revoked' } },
        ]);
    });

    it('refuses unknown and finished invitations', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when({ kind: 'RevokeInvitation', invitationId: 'inv-none', by: ANA, actingRole: 'owner' })
        .thenThrows(InvitationNotFound);
      deciderSpec(organisationDecider)
        .given(pending)
        .when({ kind: 'RevokeInvitation', invitationId: 'inv-bo', by: ANA, actingRole: 'owner' })
        .thenThrows(InvitationNotPending);
    });
  });

  describe('AcceptInvitation', () => {
    const pending = [...team, invited('inv-dee', 'digest-dee', 'reader', 'hash-dee')];
    const acceptCommand = {
      kind: 'AcceptInvitation' as const,
      tokenHash: 'hash-dee',
      userId: 'user-dee',
      emailDigest: 'digest-dee',
    };

    it('makes the invitee a member with the invited role', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when(acceptCommand)
        .then([accepted('inv-dee', 'user-dee', 'reader')]);
    });

    it('accepts up to the last instant of the 7 days, and no later', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when(acceptCommand, { now: new Date(SEVEN_DAYS_LATER), newId: () => 'unused' })
        .then([accepted('inv-dee', 'user-dee', 'reader')]);
      deciderSpec(organisationDecider)
        .given(pending)
        .when(acceptCommand, { now: new Date(Date.parse(SEVEN_DAYS_LATER) + 1), newId: () => 'unused' })
        .thenThrows(InvitationExpired);
    });

    it('needs the invited e-mail address', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when({ ...acceptCommand, emailDigest: 'digest-other' })
        .thenThrows(InvitationForAnotherEmail);
    });

    it('refuses unknown, revoked and used invitations', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when({ ...acceptCommand, tokenHash: 'hash-none' })
        .thenThrows(InvitationNotFound);
      deciderSpec(organisationDecider)
        .given([
          ...pending,
          { type: 'InvitationRevoked', data: { invitationId: 'inv-dee', revokedBy: ANA, reason: 'revoked' } },
        ])
        .when(acceptCommand)
        .thenThrows('IDENTITY.INVITATION_NOT_PENDING');
      deciderSpec(organisationDecider)
        .given([...pending, accepted('inv-dee', 'user-dee', 'reader')])
        .when(acceptCommand)
        .thenThrows(InvitationNotPending);
    });

    it('refuses an account that is a member already', () => {
      deciderSpec(organisationDecider)
        .given(pending)
        .when({ ...acceptCommand, userId: BO })
        .thenThrows(AlreadyMember);
    });
  });

  describe('ChangeMemberRole', () => {
    it('changes a role', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: CY, role: 'reader', by: BO, actingRole: 'admin' })
        .then([{ type: 'MemberRoleChanged', data: { userId: CY, from: 'editor', to: 'reader', by: BO } }]);
    });

    it('decides nothing for the same role', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: CY, role: 'editor', by: BO, actingRole: 'admin' })
        .thenNothing();
    });

    it('lets only owners make or unmake owners', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: CY, role: 'owner', by: BO, actingRole: 'admin' })
        .thenThrows(OwnersOnly);
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: ANA, role: 'admin', by: BO, actingRole: 'admin' })
        .thenThrows('IDENTITY.OWNERS_ONLY');
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: CY, role: 'owner', by: ANA, actingRole: 'owner' })
        .then([{ type: 'MemberRoleChanged', data: { userId: CY, from: 'editor', to: 'owner', by: ANA } }]);
    });

    it('never demotes the last owner, but demotes an owner who is not the last', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: ANA, role: 'admin', by: ANA, actingRole: 'owner' })
        .thenThrows(LastOwner);
      const twoOwners: OrganisationEvent[] = [
        ...team,
        { type: 'MemberRoleChanged', data: { userId: BO, from: 'admin', to: 'owner', by: ANA } },
      ];
      deciderSpec(organisationDecider)
        .given(twoOwners)
        .when({ kind: 'ChangeMemberRole', userId: ANA, role: 'admin', by: ANA, actingRole: 'owner' })
        .then([{ type: 'MemberRoleChanged', data: { userId: ANA, from: 'owner', to: 'admin', by: ANA } }]);
    });

    it('refuses someone who is not a member, and roles without team.manage', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({
          kind: 'ChangeMemberRole',
          userId: 'user-elsewhere',
          role: 'reader',
          by: ANA,
          actingRole: 'owner',
        })
        .thenThrows(MemberNotFound);
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'ChangeMemberRole', userId: BO, role: 'reader', by: CY, actingRole: 'editor' })
        .thenThrows(TeamPermissionMissing);
    });
  });

  describe('RemoveMember', () => {
    it('removes a member', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RemoveMember', userId: CY, by: BO, actingRole: 'admin' })
        .then([{ type: 'MemberRemoved', data: { userId: CY, by: BO } }]);
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RemoveMember', userId: CY, by: BO, actingRole: 'admin' })
        .thenState({
          created: true,
          name: 'Night Owls',
          members: { [ANA]: 'owner', [BO]: 'admin' },
          memberDigests: { [BO]: 'digest-bo' },
          invitations: {
            'inv-bo': {
              emailDigest: 'digest-bo',
              role: 'admin',
              tokenHash: 'hash-inv-bo',
              expiresAt: SEVEN_DAYS_LATER,
              status: 'accepted',
            },
            'inv-cy': {
              emailDigest: 'digest-cy',
              role: 'editor',
              tokenHash: 'hash-inv-cy',
              expiresAt: SEVEN_DAYS_LATER,
              status: 'accepted',
            },
          },
        });
    });

    it('lets a removed member be invited again', () => {
      deciderSpec(organisationDecider)
        .given([...team, { type: 'MemberRemoved', data: { userId: CY, by: ANA } }])
        .when(inviteCommand({ emailDigest: 'digest-cy', inviteeUserId: CY }))
        .then([expect.objectContaining({ type: 'MemberInvited' }) as OrganisationEvent]);
    });

    it('never lets the last owner leave, and lets only owners remove owners', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RemoveMember', userId: ANA, by: ANA, actingRole: 'owner' })
        .thenThrows(LastOwner);
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RemoveMember', userId: ANA, by: BO, actingRole: 'admin' })
        .thenThrows(OwnersOnly);
    });

    it('refuses someone who is not a member', () => {
      deciderSpec(organisationDecider)
        .given(team)
        .when({ kind: 'RemoveMember', userId: 'user-elsewhere', by: ANA, actingRole: 'owner' })
        .thenThrows('IDENTITY.MEMBER_NOT_FOUND');
    });
  });
});
