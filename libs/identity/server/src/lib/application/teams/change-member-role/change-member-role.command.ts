import { Command } from '@nestjs/cqrs';
import { type OrgRole } from '@bandstand/shared/contracts';
import { type OrganisationActor } from '../organisation-stream';

/** Changes a member's role (team.manage; making or unmaking an owner needs team.owners). */
export class ChangeMemberRole extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly userId: string,
    readonly role: OrgRole,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
