import { Command } from '@nestjs/cqrs';
import { type OrganisationActor } from '../organisation-stream';

/** Revokes a pending invitation of an organisation (team.manage). */
export class RevokeInvitation extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly invitationId: string,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
