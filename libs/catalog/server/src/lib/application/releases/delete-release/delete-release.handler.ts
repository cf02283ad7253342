import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReleaseStream } from '../release-stream';
import { DeleteRelease } from './delete-release.command';

/** Handles {@link DeleteRelease}. */
@CommandHandler(DeleteRelease)
export class DeleteReleaseHandler implements ICommandHandler<DeleteRelease> {
  constructor(@Inject(ReleaseStream) private readonly releases: ReleaseStream) {}

  async execute(command: DeleteRelease): Promise<void> {
    await this.releases.run(command.orgId, command.releaseId, command.actor, { kind: 'DeleteRelease' });
  }
}
