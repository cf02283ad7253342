import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReleaseStream } from '../release-stream';
import { PublishVersion } from './publish-version.command';

/** Handles {@link PublishVersion}. */
@CommandHandler(PublishVersion)
export class PublishVersionHandler implements ICommandHandler<PublishVersion> {
  constructor(@Inject(ReleaseStream) private readonly releases: ReleaseStream) {}

  async execute(command: PublishVersion): Promise<{ readonly version: number }> {
    const result = await this.releases.run(command.orgId, command.releaseId, command.actor, {
      kind: 'PublishVersion',
      expectedRevision: command.expectedRevision,
      note: command.note,
    });
    const published = result.events.find((event) => event.type === 'ReleaseVersionPublished');
    if (published?.type !== 'ReleaseVersionPublished') throw new Error('Publishing appended no version');
    return { version: published.data.version };
  }
}
