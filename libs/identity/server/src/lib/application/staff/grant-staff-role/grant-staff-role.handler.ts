import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type StaffActionResult } from '@bandstand/identity/contracts';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../../accounts/account-services';
import { GRANT_ROLE_ACTION, type GrantRolePayload, StaffUserNotFound } from '../grant-role.action';
import { StaffActionRunner } from '../staff-action.runner';
import { GrantStaffRole } from './grant-staff-role.command';

/** Handles {@link GrantStaffRole}; an unknown or deleted user is refused before anything is asked. */
@CommandHandler(GrantStaffRole)
export class GrantStaffRoleHandler implements ICommandHandler<GrantStaffRole> {
  constructor(
    @Inject(StaffActionRunner) private readonly staffActions: StaffActionRunner,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
  ) {}

  async execute(command: GrantStaffRole): Promise<StaffActionResult> {
    const account = await this.accounts.byId(command.userId);
    if (account === null || account.deleted) throw new StaffUserNotFound();
    const payload: GrantRolePayload = { userId: command.userId, role: command.role };
    return this.staffActions.perform(GRANT_ROLE_ACTION, payload, command.actor);
  }
}
