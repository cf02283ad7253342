import { type StaffRole } from '@bandstand/shared/contracts';

/** The staff roles a user holds now (staff area); read at every request by the principal resolver. */
export interface StaffRoleDirectory {
  rolesOf(userId: string): Promise<readonly StaffRole[]>;
}
export const STAFF_ROLE_DIRECTORY = Symbol('STAFF_ROLE_DIRECTORY');
