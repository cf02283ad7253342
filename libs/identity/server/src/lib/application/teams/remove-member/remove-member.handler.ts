import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganisationStream } from '../organisation-stream';
import { RemoveMember } from './remove-member.command';

/** Handles {@link RemoveMember}; the membership row goes in the same transaction, so access ends at once. */
@CommandHandler(RemoveMember)
export class RemoveMemberHandler implements ICommandHandler<RemoveMember> {
  constructor(@Inject(OrganisationStream) private readonly organisations: OrganisationStream) {}

  async execute(command: RemoveMember): Promise<void> {
    await this.organisations.run(command.orgId, command.actor, (actingRole) => ({
      kind: 'RemoveMember',
      userId: command.userId,
      by: command.actor.userId,
      actingRole,
    }));
  }
}
