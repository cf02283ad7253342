import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReleaseStream } from '../release-stream';
import { ReinstateRelease } from './reinstate-release.command';

/** Handles {@link ReinstateRelease}. */
@CommandHandler(ReinstateRelease)
export class ReinstateReleaseHandler implements ICommandHandler<ReinstateRelease> {
  constructor(@Inject(ReleaseStream) private readonly releases: ReleaseStream) {}

  async execute(command: ReinstateRelease): Promise<void> {
    await this.releases.run(command.orgId, command.releaseId, command.actor, { kind: 'ReinstateRelease' });
  }
}
