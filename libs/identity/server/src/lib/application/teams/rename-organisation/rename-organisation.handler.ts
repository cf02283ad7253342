import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganisationStream } from '../organisation-stream';
import { RenameOrganisation } from './rename-organisation.command';

/** Handles {@link RenameOrganisation}. */
@CommandHandler(RenameOrganisation)
export class RenameOrganisationHandler implements ICommandHandler<RenameOrganisation> {
  constructor(@Inject(OrganisationStream) private readonly organisations: OrganisationStream) {}

  async execute(command: RenameOrganisation): Promise<void> {
    await this.organisations.run(command.orgId, command.actor, (actingRole) => ({
      kind: 'RenameOrganisation',
      name: command.name,
      by: command.actor.userId,
      actingRole,
    }));
  }
}
