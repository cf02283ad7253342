import { Inject, Injectable } from '@nestjs/common';
import { type TeamActivityEntry } from '@bandstand/identity/contracts';
import { ORGANISATION_EVENT_TYPES, type OrganisationEvent } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/account-services';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { invitationSubject } from './invitation-subject';
import { orgIdOfStream } from './organisation-stream';

/** How the activity log names an actor that is not a user (the platform itself). */
export const PLATFORM_ACTOR_NAME = 'Bandstand';
/** How it names a user it cannot find. */
export const UNKNOWN_USER_NAME = 'Someone';
/** How it names an invited address it can no longer read. */
const UNREADABLE_EMAIL = 'someone';

const KINDS: Readonly<Record<OrganisationEvent['type'], TeamActivityEntry['kind']>> = {
  OrganisationCreated: 'organisation-created',
  OrganisationRenamed: 'organisation-renamed',
  MemberInvited: 'member-invited',
  InvitationRevoked: 'invitation-revoked',
  InvitationAccepted: 'invitation-accepted',
  MemberRoleChanged: 'member-role-changed',
  MemberRemoved: 'member-removed',
};

/** The user id of an actor `user:<id>`; null for the platform and processors. */
export function userIdOfActor(actor: string): string | null {
  return actor.startsWith('user:') ? actor.slice('user:'.length) : null;
}

/**
 * identity.team_activity: one row per event of an organisation, with the actor's display name and
 * a sentence for people, both as they were when it happened (names are resolved at projection
 * time, so a later rename does not rewrite history).
 */
@Injectable()
@InlineProjection({ name: 'identity.team-activity', eventTypes: ORGANISATION_EVENT_TYPES })
export class TeamActivityProjection implements InlineProjectionHandler {
  constructor(
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const orgId = orgIdOfStream(stored.streamId);
      const event = { type: stored.type, data: stored.data } as OrganisationEvent;
      const actorId = userIdOfActor(stored.metadata.actor);
      const actorName = actorId === null ? PLATFORM_ACTOR_NAME : await this.nameOf(actorId);
      const summary = await this.summarise(event, orgId, actorId, actorName, tx);
      await tx.query(
        `insert into identity.team_activity (event_id, org_id, stream_version, at, actor_id, actor_name, kind, summary)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (event_id) do nothing`,
        [
          stored.eventId,
          orgId,
          stored.streamVersion,
          stored.recordedAt,
          actorId,
          actorName,
          KINDS[event.type],
          summary,
        ],
      );
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.team_activity');
  }

  /** Replaces one organisation's activity with `events` projected again (after an account is forgotten). */
  async reproject(orgId: string, events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    await tx.query('delete from identity.team_activity where org_id = $1', [orgId]);
    await this.handle(events, tx);
  }

  private async summarise(
    event: OrganisationEvent,
    orgId: string,
    actorId: string | null,
    actor: string,
    tx: KernelTransaction,
  ): Promise<string> {
    switch (event.type) {
      case 'OrganisationCreated':
        return `${actor} created ${event.data.name}`;
      case 'OrganisationRenamed':
        return `${actor} renamed ${event.data.previousName} to ${event.data.name}`;
      case 'MemberInvited': {
        const email =
          (await this.vault.open(invitationSubject(event.data.tokenHash), event.data.email)) ??
          UNREADABLE_EMAIL;
        return `${actor} invited ${email} as ${event.data.role}`;
      }
      case 'InvitationRevoked': {
        const rows = await tx.query<{ email: string | null }>(
          'select email from identity.invitations where invitation_id = $1',
          [event.data.invitationId],
        );
        const email = rows[0]?.email ?? UNREADABLE_EMAIL;
        return event.data.reason === 'replaced'
          ? `${actor} replaced the earlier invitation of ${email}`
          : `${actor} revoked the invitation of ${email}`;
      }
      case 'InvitationAccepted':
        return `${actorId === event.data.userId ? actor : await this.nameOf(event.data.userId)} joined as ${event.data.role}`;
      case 'MemberRoleChanged': {
        const member = await this.nameOf(event.data.userId);
        return `${actor} changed ${member}'s role from ${event.data.from} to ${event.data.to}`;
      }
      case 'MemberRemoved':
        return event.data.userId === actorId
          ? `${actor} left the team`
          : `${actor} removed ${await this.nameOf(event.data.userId)}`;
    }
  }

  private async nameOf(userId: string): Promise<string> {
    return (await this.accounts.byId(userId))?.displayName ?? UNKNOWN_USER_NAME;
  }
}
