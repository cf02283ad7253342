import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { type StaffRole } from '@bandstand/shared/contracts';
import { IdentityError } from '../identity.error';

/** The user does not hold the staff role to revoke (409). */
export class StaffRoleNotHeld extends IdentityError {
  constructor(role: StaffRole) {
    super(IDENTITY_ERROR_CODES.staffRoleNotHeld, `This user does not hold the ${role} staff role`, {
      status: 409,
      field: 'role',
    });
  }
}

/** An admin cannot take their own admin role away: another admin must (409). */
export class OwnAdminRole extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.ownAdminRole, 'You cannot revoke your own admin role; ask another admin', {
      status: 409,
      field: 'role',
    });
  }
}
