import { Inject, Injectable } from '@nestjs/common';
import { STAFF_ROLES, type StaffRole } from '@bandstand/shared/contracts';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type StaffRoleDirectory } from './staff-roles';

/** The staff roles a user holds now, in the order of STAFF_ROLES; one indexed query, no cache. */
@Injectable()
export class StaffRoleDirectoryService implements StaffRoleDirectory {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  async rolesOf(userId: string): Promise<readonly StaffRole[]> {
    const rows = await this.db.query<{ role: StaffRole }>(
      'select role from identity.staff_roles where user_id = $1 order by array_position($2::text[], role)',
      [userId, STAFF_ROLES],
      'identity_staff_roles_of',
    );
    return rows.map((row) => row.role);
  }

  /** How many users hold the admin role (the bootstrap grant happens only while nobody does). */
  async adminCount(): Promise<number> {
    const rows = await this.db.query<{ count: number }>(
      "select count(*)::int as count from identity.staff_roles where role = 'admin'",
    );
    return rows[0]?.count ?? 0;
  }
}
