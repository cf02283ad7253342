import { Inject, Injectable } from '@nestjs/common';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { ORGANISATION_EVENT_TYPES, type OrganisationEvent } from '@bandstand/identity/domain';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { invitationSubject } from './invitation-subject';
import { orgIdOfStream } from './organisation-stream';

/**
 * identity.organisations, identity.memberships and identity.invitations, kept inside each
 * organisation command's transaction: the access guard reads memberships on every request, so a
 * removal acts at once. Invited addresses are opened with the vault (sealed under the organisation).
 */
@Injectable()
@InlineProjection({ name: 'identity.teams', eventTypes: ORGANISATION_EVENT_TYPES })
export class TeamsProjection implements InlineProjectionHandler {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) await this.apply(stored, tx);
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.memberships, identity.invitations, identity.organisations');
  }

  private async apply(stored: StoredEvent, tx: KernelTransaction): Promise<void> {
    const orgId = orgIdOfStream(stored.streamId);
    const at = stored.recordedAt;
    const event = { type: stored.type, data: stored.data } as OrganisationEvent;
    switch (event.type) {
      case 'OrganisationCreated':
        await tx.query(
          `insert into identity.organisations (org_id, name, kind, created_by, created_at)
           values ($1, $2, $3, $4, $5) on conflict (org_id) do nothing`,
          [orgId, event.data.name, event.data.kind, event.data.ownerId, at],
        );
        await this.upsertMember(tx, orgId, event.data.ownerId, 'owner', at);
        return;
      case 'OrganisationRenamed':
        await tx.query('update identity.organisations set name = $2 where org_id = $1', [
          orgId,
          event.data.name,
        ]);
        return;
      case 'MemberInvited': {
        const email = await this.vault.open(invitationSubject(event.data.tokenHash), event.data.email);
        await tx.query(
          `insert into identity.invitations
             (invitation_id, org_id, email, email_digest, role, token_hash, status, invited_by, created_at, expires_at)
           values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9) on conflict (invitation_id) do nothing`,
          [
            event.data.invitationId,
            orgId,
            email,
            event.data.emailDigest,
            event.data.role,
            event.data.tokenHash,
            event.data.invitedBy,
            at,
            event.data.expiresAt,
          ],
        );
        return;
      }
      case 'InvitationRevoked':
        await tx.query(
          `update identity.invitations set status = 'revoked', decided_at = $2 where invitation_id = $1`,
          [event.data.invitationId, at],
        );
        return;
      case 'InvitationAccepted':
        await tx.query(
          `update identity.invitations set status = 'accepted', decided_at = $2, accepted_by = $3
            where invitation_id = $1`,
          [event.data.invitationId, at, event.data.userId],
        );
        await this.upsertMember(tx, orgId, event.data.userId, event.data.role, at);
        return;
      case 'MemberRoleChanged':
        await tx.query('update identity.memberships set role = $3 where org_id = $1 and user_id = $2', [
          orgId,
          event.data.userId,
          event.data.to,
        ]);
        return;
      case 'MemberRemoved':
        await tx.query('delete from identity.memberships where org_id = $1 and user_id = $2', [
          orgId,
          event.data.userId,
        ]);
        return;
    }
  }

  private async upsertMember(
    tx: KernelTransaction,
    orgId: string,
    userId: string,
    role: string,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `insert into identity.memberships (org_id, user_id, role, joined_at) values ($1, $2, $3, $4)
       on conflict (org_id, user_id) do update set role = excluded.role, joined_at = excluded.joined_at`,
      [orgId, userId, role, at],
    );
  }
}
