import { type StaffRole } from '@bandstand/shared/contracts';
import { type Decider } from '@bandstand/shared/domain';
import { OwnAdminRole, StaffRoleNotHeld } from './staff-role.errors';

/** Events of a user's staff roles, stream `identity-staff-<userId>`. */
export type StaffRoleEvent =
  | {
      readonly type: 'StaffRoleGranted';
      readonly data: {
        readonly userId: string;
        readonly role: StaffRole;
        /** The granting staff member's user id, or `system` (bootstrap). */
        readonly grantedBy: string;
        /** The second approval the grant needed, if it needed one. */
        readonly approvalId: string | null;
      };
    }
  | {
      readonly type: 'StaffRoleRevoked';
      readonly data: { readonly userId: string; readonly role: StaffRole; readonly revokedBy: string };
    };

/** Every event type of a staff-roles stream. */
export const STAFF_ROLE_EVENT_TYPES = [
  'StaffRoleGranted',
  'StaffRoleRevoked',
] as const satisfies readonly StaffRoleEvent['type'][];

/** Commands of a user's staff roles; `userId` is the stream's user. */
export type StaffRoleCommand =
  | {
      readonly kind: 'GrantStaffRole';
      readonly userId: string;
      readonly role: StaffRole;
      readonly by: string;
      readonly approvalId?: string | null;
    }
  | {
      readonly kind: 'RevokeStaffRole';
      readonly userId: string;
      readonly role: StaffRole;
      readonly by: string;
    };

/** The staff roles a user holds. */
export interface StaffRoleState {
  readonly roles: readonly StaffRole[];
}

/**
 * A user's staff roles. Granting a held role decides nothing; revoking one not held is refused, and
 * so is an admin revoking their own admin role (the platform must not lose its admins by accident).
 * Whether a grant needs a second approver is the staff actions' concern, not this stream's.
 */
export const staffRoleDecider: Decider<StaffRoleCommand, StaffRoleEvent, StaffRoleState> = {
  initialState: () => ({ roles: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'StaffRoleGranted':
        return state.roles.includes(event.data.role) ? state : { roles: [...state.roles, event.data.role] };
      case 'StaffRoleRevoked':
        return { roles: state.roles.filter((role) => role !== event.data.role) };
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'GrantStaffRole':
        if (state.roles.includes(command.role)) return [];
        return [
          {
            type: 'StaffRoleGranted',
            data: {
              userId: command.userId,
              role: command.role,
              grantedBy: command.by,
              approvalId: command.approvalId ?? null,
            },
          },
        ];
      case 'RevokeStaffRole':
        if (!state.roles.includes(command.role)) throw new StaffRoleNotHeld(command.role);
        if (command.role === 'admin' && command.by === command.userId) throw new OwnAdminRole();
        return [
          {
            type: 'StaffRoleRevoked',
            data: { userId: command.userId, role: command.role, revokedBy: command.by },
          },
        ];
    }
  },
};
