import { Command } from '@nestjs/cqrs';
import { type OrganisationActor } from '../organisation-stream';

/**
 * Accepts an invitation by its token as the signed-in user, whose account's e-mail address must be
 * the invited one. Answers the organisation joined.
 */
export class AcceptInvitation extends Command<{ readonly orgId: string }> {
  constructor(
    readonly token: string,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
