import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StaffRoleGrants } from '../staff-role-grants.service';
import { RevokeStaffRole } from './revoke-staff-role.command';

/** Handles {@link RevokeStaffRole}; the principal resolver sees the change on the next request. */
@CommandHandler(RevokeStaffRole)
export class RevokeStaffRoleHandler implements ICommandHandler<RevokeStaffRole> {
  constructor(@Inject(StaffRoleGrants) private readonly grants: StaffRoleGrants) {}

  async execute(command: RevokeStaffRole): Promise<void> {
    await this.grants.revoke(command.userId, command.role, command.actor);
  }
}
