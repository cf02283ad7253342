import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReleaseStream } from '../release-stream';
import { TakeDownRelease } from './take-down-release.command';

/** Handles {@link TakeDownRelease}. */
@CommandHandler(TakeDownRelease)
export class TakeDownReleaseHandler implements ICommandHandler<TakeDownRelease> {
  constructor(@Inject(ReleaseStream) private readonly releases: ReleaseStream) {}

  async execute(command: TakeDownRelease): Promise<void> {
    await this.releases.run(command.orgId, command.releaseId, command.actor, {
      kind: 'TakeDownRelease',
      reason: command.reason,
    });
  }
}
