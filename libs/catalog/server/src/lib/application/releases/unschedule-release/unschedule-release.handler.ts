import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReleaseStream } from '../release-stream';
import { UnscheduleRelease } from './unschedule-release.command';

/** Handles {@link UnscheduleRelease}. */
@CommandHandler(UnscheduleRelease)
export class UnscheduleReleaseHandler implements ICommandHandler<UnscheduleRelease> {
  constructor(@Inject(ReleaseStream) private readonly releases: ReleaseStream) {}

  async execute(command: UnscheduleRelease): Promise<void> {
    await this.releases.run(command.orgId, command.releaseId, command.actor, { kind: 'UnscheduleRelease' });
  }
}
