import { Inject, Injectable } from '@nestjs/common';
import { type MembershipLookup } from '@bandstand/shared/access';
import { type OrgRole } from '@bandstand/shared/contracts';
import { KernelDatabase } from '@bandstand/shared/event-store';

/**
 * Memberships as the access guard and the privacy area ask for them. No cache: a removal or a role
 * change acts on the very next request. Queries join the ambient kernel transaction, so a command
 * sees its own writes.
 */
@Injectable()
export class TeamMemberships implements MembershipLookup {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  /** The user's current role in the organisation, or null: one primary-key lookup. */
  async roleIn(orgId: string, userId: string): Promise<OrgRole | null> {
    const rows = await this.db.query<{ role: OrgRole }>(
      'select role from identity.memberships where org_id = $1 and user_id = $2',
      [orgId, userId],
      'identity_membership_role',
    );
    return rows[0]?.role ?? null;
  }

  /** The organisations of which the user is the only owner (they cannot delete their account yet). */
  async soleOwnerOf(userId: string): Promise<string[]> {
    const rows = await this.db.query<{ org_id: string }>(
      `select m.org_id from identity.memberships m
        where m.user_id = $1 and m.role = 'owner'
          and not exists (
            select 1 from identity.memberships o
             where o.org_id = m.org_id and o.role = 'owner' and o.user_id <> m.user_id)
        order by m.org_id`,
      [userId],
    );
    return rows.map((row) => row.org_id);
  }
}
