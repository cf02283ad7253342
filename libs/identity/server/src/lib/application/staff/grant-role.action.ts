import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { STAFF_ROLES, type StaffRole } from '@bandstand/shared/contracts';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/account-services';
import { type StaffAction, type StaffActionContext, StaffActions } from './staff-actions';
import { StaffRoleDirectoryService } from './staff-role-directory.service';
import { StaffRoleGrants } from './staff-role-grants.service';

/** Kind of the action that grants a staff role. */
export const GRANT_ROLE_ACTION = 'staff.grant-role';

/** Payload of {@link GRANT_ROLE_ACTION}. */
export interface GrantRolePayload {
  readonly userId: string;
  readonly role: StaffRole;
}

/** No such account, or a deleted one (404). */
export class StaffUserNotFound extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.userNotFound, 'There is no such user', { status: 404, field: 'userId' });
  }
}

function isGrantRolePayload(payload: unknown): payload is GrantRolePayload {
  if (typeof payload !== 'object' || payload === null) return false;
  const { userId, role } = payload as Record<string, unknown>;
  return typeof userId === 'string' && (STAFF_ROLES as readonly unknown[]).includes(role);
}

function checked(payload: unknown): GrantRolePayload {
  if (!isGrantRolePayload(payload))
    throw new TypeError(`Not a ${GRANT_ROLE_ACTION} payload: ${JSON.stringify(payload)}`);
  return payload;
}

/**
 * Grants a staff role. Granting `admin` needs a second approver (it carries every staff
 * permission) once there are two admins who can approve; the sole admin (the bootstrap one) names
 * the second directly, since nobody could approve their request. Other roles need no approval.
 * Registered first among the staff actions.
 */
@Injectable()
export class GrantRoleAction implements StaffAction<GrantRolePayload>, OnModuleInit {
  readonly kind = GRANT_ROLE_ACTION;

  constructor(
    @Inject(StaffActions) private readonly actions: StaffActions,
    @Inject(StaffRoleGrants) private readonly grants: StaffRoleGrants,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
    @Inject(StaffRoleDirectoryService) private readonly directory: StaffRoleDirectoryService,
  ) {}

  onModuleInit(): void {
    this.actions.register(this);
  }

  amountOf(): null {
    return null;
  }

  async needsApproval(payload: GrantRolePayload): Promise<boolean> {
    if (checked(payload).role !== 'admin') return false;
    return (await this.directory.adminCount()) >= 2;
  }

  async summary(payload: GrantRolePayload): Promise<string> {
    const { userId, role } = checked(payload);
    const account = await this.accounts.byId(userId);
    return `Grant ${role} to ${account?.email ?? account?.displayName ?? userId}`;
  }

  async execute(payload: GrantRolePayload, context: StaffActionContext): Promise<void> {
    const { userId, role } = checked(payload);
    const account = await this.accounts.byId(userId);
    if (account === null || account.deleted) throw new StaffUserNotFound();
    await this.grants.grant(userId, role, context.requestedBy, context.approvalId, context.actor);
  }
}
