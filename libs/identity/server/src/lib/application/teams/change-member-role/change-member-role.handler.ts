import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganisationStream } from '../organisation-stream';
import { ChangeMemberRole } from './change-member-role.command';

/** Handles {@link ChangeMemberRole}; a user of another organisation is not a member of this one (404). */
@CommandHandler(ChangeMemberRole)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRole> {
  constructor(@Inject(OrganisationStream) private readonly organisations: OrganisationStream) {}

  async execute(command: ChangeMemberRole): Promise<void> {
    await this.organisations.run(command.orgId, command.actor, (actingRole) => ({
      kind: 'ChangeMemberRole',
      userId: command.userId,
      role: command.role,
      by: command.actor.userId,
      actingRole,
    }));
  }
}
