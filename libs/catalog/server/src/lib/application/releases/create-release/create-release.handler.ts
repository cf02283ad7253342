import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { DRAFT_FIELD } from '../releases.projection';
import { ReleaseDrafts } from '../release-input';
import { ReleaseStream } from '../release-stream';
import { CreateRelease } from './create-release.command';

/** Handles {@link CreateRelease} on a new `catalog-release-<releaseId>` stream. */
@CommandHandler(CreateRelease)
export class CreateReleaseHandler implements ICommandHandler<CreateRelease> {
  constructor(
    @Inject(ReleaseStream) private readonly releases: ReleaseStream,
    @Inject(ReleaseDrafts) private readonly drafts: ReleaseDrafts,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async execute(command: CreateRelease): Promise<{ readonly releaseId: string }> {
    const releaseId = this.clock.newId();
    await this.db.transaction(async () => {
      const draft = await this.drafts.parse(
        command.orgId,
        command.draft,
        null,
        () => this.clock.newId(),
        DRAFT_FIELD,
      );
      await this.releases.run(command.orgId, releaseId, command.actor, {
        kind: 'CreateRelease',
        releaseId,
        orgId: command.orgId,
        draft,
        source: 'editor',
        planId: null,
      });
    });
    return { releaseId };
  }
}
