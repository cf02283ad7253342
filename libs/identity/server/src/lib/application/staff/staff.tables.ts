import { type IdentityTables } from '../../infrastructure/identity-tables';
import { Migration20261121000400_create_staff } from './20261121000400-create-staff.migration';
import { ApprovalRecord } from './approval.entity';
import { StaffRoleRecord } from './staff-role.entity';

/** Read models and migrations of this area, in migration order. */
export const staffTables: IdentityTables = {
  entities: [StaffRoleRecord, ApprovalRecord],
  migrations: [{ name: 'Migration20261121000400_create_staff', class: Migration20261121000400_create_staff }],
};
