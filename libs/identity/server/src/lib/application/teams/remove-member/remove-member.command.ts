import { Command } from '@nestjs/cqrs';
import { type OrganisationActor } from '../organisation-stream';

/** Removes a member, or lets a member leave (team.manage; owners need team.owners; never the last owner). */
export class RemoveMember extends Command<void> {
  constructor(
    readonly orgId: string,
    readonly userId: string,
    readonly actor: OrganisationActor,
  ) {
    super();
  }
}
