import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KERNEL_CLOCK, type KernelClock } from '@bandstand/shared/event-store';
import { OrganisationStream } from '../organisation-stream';
import { CreateOrganisation } from './create-organisation.command';

/** Handles {@link CreateOrganisation} on a new `identity-org-<orgId>` stream. */
@CommandHandler(CreateOrganisation)
export class CreateOrganisationHandler implements ICommandHandler<CreateOrganisation> {
  constructor(
    @Inject(OrganisationStream) private readonly organisations: OrganisationStream,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async execute(command: CreateOrganisation): Promise<{ readonly orgId: string }> {
    const orgId = this.clock.newId();
    await this.organisations.run(orgId, command.actor, () => ({
      kind: 'CreateOrganisation',
      orgId,
      name: command.name,
      orgKind: command.kind,
      ownerId: command.actor.userId,
    }));
    return { orgId };
  }
}
