import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StaffActionRunner } from '../staff-action.runner';
import { DecideApproval } from './decide-approval.command';

/** Handles {@link DecideApproval}. */
@CommandHandler(DecideApproval)
export class DecideApprovalHandler implements ICommandHandler<DecideApproval> {
  constructor(@Inject(StaffActionRunner) private readonly staffActions: StaffActionRunner) {}

  async execute(command: DecideApproval): Promise<void> {
    if (command.decision.approve) await this.staffActions.approve(command.approvalId, command.actor);
    else await this.staffActions.reject(command.approvalId, command.decision.reason, command.actor);
  }
}
