import { EventSchemasModule } from '@bandstand/shared/event-store';
import { APPROVAL_EVENT_TYPES, STAFF_ROLE_EVENT_TYPES } from '@bandstand/identity/domain';
import { type IdentityArea } from '../../identity-area';
import { ACCOUNT_VERIFIED_HOOK } from '../accounts/account-verified.hook';
import { ApprovalsProjection } from './approvals.projection';
import { DecideApprovalHandler } from './decide-approval/decide-approval.handler';
import { GrantRoleAction } from './grant-role.action';
import { GrantStaffRoleHandler } from './grant-staff-role/grant-staff-role.handler';
import { RevokeStaffRoleHandler } from './revoke-staff-role/revoke-staff-role.handler';
import { RevokeUserSessionsHandler } from './revoke-user-sessions/revoke-user-sessions.handler';
import { StaffActionRunner } from './staff-action.runner';
import { StaffActions } from './staff-actions';
import { StaffBootstrap } from './staff-bootstrap.service';
import { StaffRoleDirectoryService } from './staff-role-directory.service';
import { StaffRoleGrants } from './staff-role-grants.service';
import { STAFF_ROLE_DIRECTORY } from './staff-roles';
import { StaffRolesProjection } from './staff-roles.projection';
import { StaffController } from './staff.controller';
import { StaffQueries } from './staff.queries';

/** Staff roles, users administration and second-approver requests. */
export const staffArea: IdentityArea = {
  providers: [
    StaffRoleDirectoryService,
    { provide: STAFF_ROLE_DIRECTORY, useExisting: StaffRoleDirectoryService },
    StaffRoleGrants,
    StaffActions,
    StaffActionRunner,
    GrantRoleAction,
    StaffBootstrap,
    { provide: ACCOUNT_VERIFIED_HOOK, useExisting: StaffBootstrap },
    StaffQueries,
    StaffRolesProjection,
    ApprovalsProjection,
    GrantStaffRoleHandler,
    RevokeStaffRoleHandler,
    DecideApprovalHandler,
    RevokeUserSessionsHandler,
  ],
  controllers: [StaffController],
  imports: [
    EventSchemasModule.forFeature(
      'identity.staff',
      [...STAFF_ROLE_EVENT_TYPES, ...APPROVAL_EVENT_TYPES].map((type) => ({ type, version: 1 })),
    ),
  ],
};
