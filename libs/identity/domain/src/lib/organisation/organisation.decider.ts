import { type OrgPermission, type OrgRole, orgRoleAllows } from '@bandstand/shared/contracts';
import { type Decider, type DecisionContext } from '@bandstand/shared/domain';
import { type OrgKind } from '@bandstand/identity/contracts';
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

/** How long an invitation can be accepted. */
export const INVITATION_TTL_DAYS = 7;

/** Why an invitation stopped being pending without being accepted. */
export type InvitationRevocationReason = 'revoked' | 'replaced';

/** Events of an organisation's stream `identity-org-<orgId>`. */
export type OrganisationEvent =
  | {
      readonly type: 'OrganisationCreated';
      readonly data: {
        readonly orgId: string;
        readonly name: string;
        readonly kind: OrgKind;
        readonly ownerId: string;
      };
    }
  | {
      readonly type: 'OrganisationRenamed';
      readonly data: { readonly name: string; readonly previousName: string; readonly by: string };
    }
  | {
      readonly type: 'MemberInvited';
      readonly data: {
        readonly invitationId: string;
        /** Sealed with the PersonalDataVault under the organisation's id. */
        readonly email: string;
        readonly emailDigest: string;
        readonly role: OrgRole;
        /** sha256 hex of the token mailed in the link; the token itself is never stored. */
        readonly tokenHash: string;
        readonly expiresAt: string;
        readonly invitedBy: string;
      };
    }
  | {
      readonly type: 'InvitationRevoked';
      readonly data: {
        readonly invitationId: string;
        readonly revokedBy: string;
        readonly reason: InvitationRevocationReason;
      };
    }
  | {
      readonly type: 'InvitationAccepted';
      readonly data: { readonly invitationId: string; readonly userId: string; readonly role: OrgRole };
    }
  | {
      readonly type: 'MemberRoleChanged';
      readonly data: {
        readonly userId: string;
        readonly from: OrgRole;
        readonly to: OrgRole;
        readonly by: string;
      };
    }
  | { readonly type: 'MemberRemoved'; readonly data: { readonly userId: string; readonly by: string } };

/** Every event type of an organisation's stream. */
export const ORGANISATION_EVENT_TYPES = [
  'OrganisationCreated',
  'OrganisationRenamed',
  'MemberInvited',
  'InvitationRevoked',
  'InvitationAccepted',
  'MemberRoleChanged',
  'MemberRemoved',
] as const satisfies readonly OrganisationEvent['type'][];

/**
 * Commands of an organisation. `actingRole` is the acting member's current role (null when they are
 * none): the decider checks it against the permission matrix, the owners rule included.
 */
export type OrganisationCommand =
  | {
      readonly kind: 'CreateOrganisation';
      readonly orgId: string;
      readonly name: string;
      readonly orgKind: OrgKind;
      readonly ownerId: string;
    }
  | {
      readonly kind: 'RenameOrganisation';
      readonly name: string;
      readonly by: string;
      readonly actingRole: OrgRole | null;
    }
  | {
      readonly kind: 'InviteMember';
      /** The address sealed under the organisation's id. */
      readonly email: string;
      readonly emailDigest: string;
      /** The account registered under that address, if any: a member of this organisation cannot be invited. */
      readonly inviteeUserId: string | null;
      readonly role: OrgRole;
      readonly tokenHash: string;
      readonly invitedBy: string;
      readonly actingRole: OrgRole | null;
    }
  | {
      readonly kind: 'RevokeInvitation';
      readonly invitationId: string;
      readonly by: string;
      readonly actingRole: OrgRole | null;
    }
  | {
      readonly kind: 'AcceptInvitation';
      readonly tokenHash: string;
      readonly userId: string;
      /** Digest of the accepting account's e-mail address. */
      readonly emailDigest: string;
    }
  | {
      readonly kind: 'ChangeMemberRole';
      readonly userId: string;
      readonly role: OrgRole;
      readonly by: string;
      readonly actingRole: OrgRole | null;
    }
  | {
      readonly kind: 'RemoveMember';
      readonly userId: string;
      readonly by: string;
      readonly actingRole: OrgRole | null;
    };

/** An invitation as the organisation remembers it. */
export interface InvitationState {
  readonly emailDigest: string;
  readonly role: OrgRole;
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly status: 'pending' | 'accepted' | 'revoked';
}

/** State of an organisation: its members with their roles and its invitations. */
export interface OrganisationState {
  readonly created: boolean;
  readonly name: string;
  readonly members: Readonly<Record<string, OrgRole>>;
  /** E-mail digests of members who joined by invitation. */
  readonly memberDigests: Readonly<Record<string, string>>;
  readonly invitations: Readonly<Record<string, InvitationState>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function withInvitationStatus(
  state: OrganisationState,
  invitationId: string,
  status: InvitationState['status'],
): OrganisationState {
  const invitation = state.invitations[invitationId];
  if (invitation === undefined) return state;
  return { ...state, invitations: { ...state.invitations, [invitationId]: { ...invitation, status } } };
}

function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationCreated':
      return { ...state, created: true, name: event.data.name, members: { [event.data.ownerId]: 'owner' } };
    case 'OrganisationRenamed':
      return { ...state, name: event.data.name };
    case 'MemberInvited': {
      const { invitationId, emailDigest, role, tokenHash, expiresAt } = event.data;
      return {
        ...state,
        invitations: {
          ...state.invitations,
          [invitationId]: { emailDigest, role, tokenHash, expiresAt, status: 'pending' },
        },
      };
    }
    case 'InvitationRevoked':
      return withInvitationStatus(state, event.data.invitationId, 'revoked');
    case 'InvitationAccepted': {
      const accepted = withInvitationStatus(state, event.data.invitationId, 'accepted');
      const digest = state.invitations[event.data.invitationId]?.emailDigest;
      return {
        ...accepted,
        members: { ...accepted.members, [event.data.userId]: event.data.role },
        memberDigests:
          digest === undefined
            ? accepted.memberDigests
            : { ...accepted.memberDigests, [event.data.userId]: digest },
      };
    }
    case 'MemberRoleChanged':
      return { ...state, members: { ...state.members, [event.data.userId]: event.data.to } };
    case 'MemberRemoved':
      return {
        ...state,
        members: without(state.members, event.data.userId),
        memberDigests: without(state.memberDigests, event.data.userId),
      };
  }
}

function requireCreated(state: OrganisationState): void {
  if (!state.created) throw new OrganisationNotFound();
}

function requirePermission(actingRole: OrgRole | null, permission: OrgPermission): void {
  if (actingRole === null || !orgRoleAllows(actingRole, permission)) {
    if (permission === 'team.owners') throw new OwnersOnly();
    throw new TeamPermissionMissing(permission);
  }
}

function ownerCount(state: OrganisationState): number {
  return Object.values(state.members).filter((role) => role === 'owner').length;
}

function memberRole(state: OrganisationState, userId: string): OrgRole {
  const role = state.members[userId];
  if (role === undefined) throw new MemberNotFound();
  return role;
}

function invite(
  command: Extract<OrganisationCommand, { kind: 'InviteMember' }>,
  state: OrganisationState,
  context: DecisionContext,
): OrganisationEvent[] {
  requireCreated(state);
  requirePermission(command.actingRole, 'team.manage');
  if (command.role === 'owner') requirePermission(command.actingRole, 'team.owners');
  const isMember =
    (command.inviteeUserId !== null && state.members[command.inviteeUserId] !== undefined) ||
    Object.values(state.memberDigests).includes(command.emailDigest);
  if (isMember) throw new AlreadyMember();
  // A new invitation to the same address replaces the pending one: one link works at a time.
  const replaced: OrganisationEvent[] = Object.entries(state.invitations)
    .filter(
      ([, invitation]) => invitation.status === 'pending' && invitation.emailDigest === command.emailDigest,
    )
    .map(([invitationId]) => ({
      type: 'InvitationRevoked',
      data: { invitationId, revokedBy: command.invitedBy, reason: 'replaced' },
    }));
  return [
    ...replaced,
    {
      type: 'MemberInvited',
      data: {
        invitationId: context.newId(),
        email: command.email,
        emailDigest: command.emailDigest,
        role: command.role,
        tokenHash: command.tokenHash,
        expiresAt: new Date(context.now.getTime() + INVITATION_TTL_DAYS * DAY_MS).toISOString(),
        invitedBy: command.invitedBy,
      },
    },
  ];
}

function accept(
  command: Extract<OrganisationCommand, { kind: 'AcceptInvitation' }>,
  state: OrganisationState,
  context: DecisionContext,
): OrganisationEvent[] {
  requireCreated(state);
  const found = Object.entries(state.invitations).find(([, each]) => each.tokenHash === command.tokenHash);
  if (found === undefined) throw new InvitationNotFound('token');
  const [invitationId, invitation] = found;
  if (invitation.status !== 'pending') throw new InvitationNotPending(invitation.status);
  if (context.now.getTime() > Date.parse(invitation.expiresAt)) throw new InvitationExpired();
  if (invitation.emailDigest !== command.emailDigest) throw new InvitationForAnotherEmail();
  if (state.members[command.userId] !== undefined) throw new AlreadyMember('token');
  return [
    { type: 'InvitationAccepted', data: { invitationId, userId: command.userId, role: invitation.role } },
  ];
}

function changeRole(
  command: Extract<OrganisationCommand, { kind: 'ChangeMemberRole' }>,
  state: OrganisationState,
): OrganisationEvent[] {
  requireCreated(state);
  requirePermission(command.actingRole, 'team.manage');
  const from = memberRole(state, command.userId);
  if (from === command.role) return [];
  if (from === 'owner' || command.role === 'owner') requirePermission(command.actingRole, 'team.owners');
  if (from === 'owner' && ownerCount(state) === 1) throw new LastOwner();
  return [
    { type: 'MemberRoleChanged', data: { userId: command.userId, from, to: command.role, by: command.by } },
  ];
}

function remove(
  command: Extract<OrganisationCommand, { kind: 'RemoveMember' }>,
  state: OrganisationState,
): OrganisationEvent[] {
  requireCreated(state);
  requirePermission(command.actingRole, 'team.manage');
  const role = memberRole(state, command.userId);
  if (role === 'owner') {
    requirePermission(command.actingRole, 'team.owners');
    if (ownerCount(state) === 1) throw new LastOwner();
  }
  return [{ type: 'MemberRemoved', data: { userId: command.userId, by: command.by } }];
}

function decide(
  command: OrganisationCommand,
  state: OrganisationState,
  context: DecisionContext,
): readonly OrganisationEvent[] {
  switch (command.kind) {
    case 'CreateOrganisation':
      if (state.created) throw new OrganisationExists();
      return [
        {
          type: 'OrganisationCreated',
          data: { orgId: command.orgId, name: command.name, kind: command.orgKind, ownerId: command.ownerId },
        },
      ];
    case 'RenameOrganisation':
      requireCreated(state);
      requirePermission(command.actingRole, 'org.manage');
      if (command.name === state.name) return [];
      return [
        {
          type: 'OrganisationRenamed',
          data: { name: command.name, previousName: state.name, by: command.by },
        },
      ];
    case 'InviteMember':
      return invite(command, state, context);
    case 'RevokeInvitation': {
      requireCreated(state);
      requirePermission(command.actingRole, 'team.manage');
      const invitation = state.invitations[command.invitationId];
      if (invitation === undefined) throw new InvitationNotFound();
      if (invitation.status !== 'pending') throw new InvitationNotPending(invitation.status);
      return [
        {
          type: 'InvitationRevoked',
          data: { invitationId: command.invitationId, revokedBy: command.by, reason: 'revoked' },
        },
      ];
    }
    case 'AcceptInvitation':
      return accept(command, state, context);
    case 'ChangeMemberRole':
      return changeRole(command, state);
    case 'RemoveMember':
      return remove(command, state);
  }
}

/**
 * An artist organisation and its team: members with roles, invitations that expire after
 * {@link INVITATION_TTL_DAYS} days, and the owners rule (at least one owner always; only owners make
 * or unmake owners).
 */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: () => ({ created: false, name: '', members: {}, memberDigests: {}, invitations: {} }),
  evolve,
  decide,
};
