import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { DRAFT_FIELD } from '../releases.projection';
import { ReleaseDrafts } from '../release-input';
import { ReleaseStream } from '../release-stream';
import { ReviseDraft } from './revise-draft.command';

/**
 * Handles {@link ReviseDraft}: the input is parsed against the current draft (whose track ids it may
 * name), read in the same transaction; the decider refuses a stale `expectedRevision`.
 */
@CommandHandler(ReviseDraft)
export class ReviseDraftHandler implements ICommandHandler<ReviseDraft> {
  constructor(
    @Inject(ReleaseStream) private readonly releases: ReleaseStream,
    @Inject(ReleaseDrafts) private readonly drafts: ReleaseDrafts,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  execute(command: ReviseDraft): Promise<{ readonly revision: number }> {
    return this.db.transaction(async () => {
      const current = await this.drafts.current(command.orgId, command.releaseId);
      const draft = await this.drafts.parse(
        command.orgId,
        command.draft,
        current.draft,
        () => this.clock.newId(),
        DRAFT_FIELD,
      );
      const result = await this.releases.run(command.orgId, command.releaseId, command.actor, {
        kind: 'ReviseDraft',
        expectedRevision: command.expectedRevision,
        draft,
        source: 'editor',
        planId: null,
      });
      const revised = result.events.find((event) => event.type === 'ReleaseDraftRevised');
      return { revision: revised?.type === 'ReleaseDraftRevised' ? revised.data.revision : current.revision };
    });
  }
}
