import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { parseSchedule } from '@bandstand/catalog/domain';
import { ReleaseDueScheduler } from '../release-due.job';
import { parsedOrThrow } from '../release-input';
import { ReleaseStream } from '../release-stream';
import { ScheduleRelease } from './schedule-release.command';

/** Handles {@link ScheduleRelease}: the schedule and its release-due job commit together. */
@CommandHandler(ScheduleRelease)
export class ScheduleReleaseHandler implements ICommandHandler<ScheduleRelease> {
  constructor(
    @Inject(ReleaseStream) private readonly releases: ReleaseStream,
    @Inject(ReleaseDueScheduler) private readonly due: ReleaseDueScheduler,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
  ) {}

  async execute(command: ScheduleRelease): Promise<void> {
    // The body is the schedule itself, so its fields keep their own names (`territoryReleases.0.releaseAt`).
    const schedule = parsedOrThrow(parseSchedule(command.schedule), null);
    await this.db.transaction(async () => {
      const result = await this.releases.run(command.orgId, command.releaseId, command.actor, {
        kind: 'ScheduleRelease',
        schedule,
      });
      await this.due.scheduleFor(command.orgId, result);
    });
  }
}
