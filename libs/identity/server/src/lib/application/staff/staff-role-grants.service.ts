import { Inject, Injectable } from '@nestjs/common';
import { type StaffRole } from '@bandstand/shared/contracts';
import { DeciderCommandRunner, type DeciderCommandResult } from '@bandstand/shared/event-store';
import { staffRoleDecider, type StaffRoleEvent } from '@bandstand/identity/domain';
import { staffMetadata, staffRolesStreamId, type StaffActor } from './staff-streams';

/**
 * Grants and revokes staff roles on a user's `identity-staff-<userId>` stream. It does not ask for
 * approval: callers go through the staff actions, which do (the bootstrap grant excepted).
 */
@Injectable()
export class StaffRoleGrants {
  constructor(@Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner) {}

  /** Grants `role`; `grantedBy` asked for it, `actor` carries it out (the approver, after an approval). */
  grant(
    userId: string,
    role: StaffRole,
    grantedBy: string,
    approvalId: string | null,
    actor: StaffActor,
  ): Promise<DeciderCommandResult<StaffRoleEvent>> {
    return this.runner.run(
      staffRoleDecider,
      staffRolesStreamId(userId),
      { kind: 'GrantStaffRole', userId, role, by: grantedBy, approvalId },
      staffMetadata(actor, userId),
    );
  }

  /** Revokes `role`; an admin cannot revoke their own admin role. */
  revoke(userId: string, role: StaffRole, actor: StaffActor): Promise<DeciderCommandResult<StaffRoleEvent>> {
    return this.runner.run(
      staffRoleDecider,
      staffRolesStreamId(userId),
      { kind: 'RevokeStaffRole', userId, role, by: actor.userId },
      staffMetadata(actor, userId),
    );
  }
}
