import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganisationStream } from '../organisation-stream';
import { RevokeInvitation } from './revoke-invitation.command';

/** Handles {@link RevokeInvitation}; an invitation of another organisation is not found in this one. */
@CommandHandler(RevokeInvitation)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitation> {
  constructor(@Inject(OrganisationStream) private readonly organisations: OrganisationStream) {}

  async execute(command: RevokeInvitation): Promise<void> {
    await this.organisations.run(command.orgId, command.actor, (actingRole) => ({
      kind: 'RevokeInvitation',
      invitationId: command.invitationId,
      by: command.actor.userId,
      actingRole,
    }));
  }
}
