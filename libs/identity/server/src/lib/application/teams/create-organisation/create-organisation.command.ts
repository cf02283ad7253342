import { Command } from '@nestjs/cqrs';
import { type OrgKind } from '@bandstand/identity/contracts';
import { type OrganisationActor } from '../organisation-stream';

/** Creates an organisation; its creator becomes its owner. Answers the new organisation's id. */
export class CreateOrganisation extends Command<{ readonly orgId: string }> {
  constructor(
    readonly name: string,
    readonly kind: OrgKind,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
