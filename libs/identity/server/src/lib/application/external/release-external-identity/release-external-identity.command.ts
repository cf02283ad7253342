import { type ExternalIdentityEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';
import { Command } from '@nestjs/cqrs';

/** Give up a provider account the user holds (unlink, or the account was deleted). */
export class ReleaseExternalIdentity extends Command<DeciderCommandResult<ExternalIdentityEvent>> {
  constructor(
    readonly userId: string,
    readonly provider: string,
    readonly subject: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
