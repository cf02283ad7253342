import { Command } from '@nestjs/cqrs';
import { type OrgRole } from '@bandstand/shared/contracts';
import { type OrganisationActor } from '../organisation-stream';

/**
 * Invites an e-mail address into an organisation with a role (team.manage; owners need
 * team.owners) and mails it the link; replaces a pending invitation to the same address.
 */
export class InviteMember extends Command<{ readonly invitationId: string }> {
  constructor(
    readonly orgId: string,
    readonly email: string,
    readonly role: OrgRole,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
