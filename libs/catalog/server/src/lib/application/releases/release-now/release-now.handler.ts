import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { ReleaseDueScheduler } from '../release-due.job';
import { ReleaseStream } from '../release-stream';
import { ReleaseNow } from './release-now.command';

/**
 * Handles {@link ReleaseNow}. A schedule it sets (a release never scheduled, or one whose moment lay
 * ahead) gets its release-due job like any other, in the same transaction: that job then finds
 * nothing left to do, which keeps every `ReleaseScheduled` paired with a job.
 */
@CommandHandler(ReleaseNow)
export class ReleaseNowHandler implements ICommandHandler<ReleaseNow> {
  constructor(
    @Inject(ReleaseStream) private readonly releases: ReleaseStream,
    @Inject(ReleaseDueScheduler) private readonly due: ReleaseDueScheduler,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
  ) {}

  async execute(command: ReleaseNow): Promise<void> {
    await this.db.transaction(async () => {
      const result = await this.releases.run(command.orgId, command.releaseId, command.actor, {
        kind: 'ReleaseNow',
      });
      await this.due.scheduleFor(command.orgId, result);
    });
  }
}
