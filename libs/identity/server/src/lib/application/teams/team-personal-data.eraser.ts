import { Inject, Injectable } from '@nestjs/common';
import { EventStore, KernelDatabase } from '@bandstand/shared/event-store';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { type ErasedAccount, type PersonalDataEraser } from '../privacy/personal-data-eraser';
import { invitationSubject } from './invitation-subject';
import { organisationStreamId } from './organisation-stream';
import { TeamActivityProjection } from './team-activity.projection';

/**
 * The teams area's part of account deletion: invitations to the account's address are shredded
 * (their sealed address in MemberInvited no longer opens) and lose the address in the read model,
 * and the activity of every organisation the account appears in is projected again, so that its
 * sentences name a "Deleted user" and an unreadable address instead.
 */
@Injectable()
export class TeamPersonalDataEraser implements PersonalDataEraser {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(TeamActivityProjection) private readonly activity: TeamActivityProjection,
  ) {}

  async erase(account: ErasedAccount): Promise<void> {
    await this.db.transaction(async (tx) => {
      const invitations = await tx.query<{ org_id: string; token_hash: string }>(
        `update identity.invitations set email = null
         where email_digest = $1 or accepted_by = $2
         returning org_id, token_hash`,
        [account.emailDigest, account.userId],
      );
      for (const invitation of invitations) await this.vault.shred(invitationSubject(invitation.token_hash));
      const appearances = await tx.query<{ org_id: string }>(
        `select org_id from identity.memberships where user_id = $1
         union select org_id from identity.team_activity where actor_id = $1`,
        [account.userId],
      );
      const orgIds = new Set([...invitations, ...appearances].map((row) => row.org_id));
      for (const orgId of orgIds) {
        const { events } = await this.store.readStream(organisationStreamId(orgId));
        await this.activity.reproject(orgId, events, tx);
      }
    });
  }
}
