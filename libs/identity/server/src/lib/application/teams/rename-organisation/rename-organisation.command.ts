import { Command } from '@nestjs/cqrs';
import { type OrganisationActor } from '../organisation-stream';

/** Renames an organisation (org.manage). */
export class RenameOrganisation extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly name: string,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
