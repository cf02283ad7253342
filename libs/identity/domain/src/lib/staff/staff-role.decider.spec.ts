import { deciderSpec } from '@bandstand/shared/domain';
import { staffRoleDecider, type StaffRoleEvent } from './staff-role.decider';
import { OwnAdminRole, StaffRoleNotHeld } from './staff-role.errors';

const granted = (
  role: 'admin' | 'support',
  by = 'user-root',
  approvalId: string | null = null,
): StaffRoleEvent => ({
  type: 'StaffRoleGranted',
  data: { userId: 'user-sam', role, grantedBy: by, approvalId },
});

describe('staffRoleDecider', () => {
  it('grants a role, with the approval that allowed it', () => {
    deciderSpec(staffRoleDecider)
      .when({ kind: 'GrantStaffRole', userId: 'user-sam', role: 'support', by: 'user-root' })
      .then([granted('support')]);
    deciderSpec(staffRoleDecider)
      .given([granted('support')])
      .when({
        kind: 'GrantStaffRole',
        userId: 'user-sam',
        role: 'admin',
        by: 'user-root',
        approvalId: 'appr-1',
      })
      .thenState({ roles: ['support', 'admin'] });
  });

  it('decides nothing for a role held already', () => {
    deciderSpec(staffRoleDecider)
      .given([granted('support')])
      .when({ kind: 'GrantStaffRole', userId: 'user-sam', role: 'support', by: 'user-root' })
      .thenNothing();
  });

  it('revokes a held role', () => {
    deciderSpec(staffRoleDecider)
      .given([granted('support'), granted('admin')])
      .when({ kind: 'RevokeStaffRole', userId: 'user-sam', role: 'support', by: 'user-root' })
      .then([
        { type: 'StaffRoleRevoked', data: { userId: 'user-sam', role: 'support', revokedBy: 'user-root' } },
      ]);
    deciderSpec(staffRoleDecider)
      .given([granted('support'), granted('admin')])
      .when({ kind: 'RevokeStaffRole', userId: 'user-sam', role: 'support', by: 'user-root' })
      .thenState({ roles: ['admin'] });
  });

  it('refuses a role not held', () => {
    deciderSpec(staffRoleDecider)
      .given([granted('support')])
      .when({ kind: 'RevokeStaffRole', userId: 'user-sam', role: 'admin', by: 'user-root' })
      .thenThrows(StaffRoleNotHeld);
    deciderSpec(staffRoleDecider)
      .given([
        granted('support'),
        { type: 'StaffRoleRevoked', data: { userId: 'user-sam', role: 'support', revokedBy: 'user-root' } },
      ])
      .when({ kind: 'RevokeStaffRole', userId: 'user-sam', role: 'support', by: 'user-root' })
      .thenThrows('IDENTITY.STAFF_ROLE_NOT_HELD');
  });

  it("refuses an admin's revoking their own admin role, but not their other roles", () => {
    deciderSpec(staffRoleDecider)
      .given([granted('admin'), granted('support')])
      .when({ kind: 'RevokeStaffRole', userId: 'user-sam', role: 'admin', by: 'user-sam' })
      .thenThrows(OwnAdminRole);
    deciderSpec(staffRoleDecider)
      .given([granted('admin'), granted('support')])
      .when({ kind: 'RevokeStaffRole', userId: 'user-sam', role: 'support', by: 'user-sam' })
      .then([
        { type: 'StaffRoleRevoked', data: { userId: 'user-sam', role: 'support', revokedBy: 'user-sam' } },
      ]);
  });
});
