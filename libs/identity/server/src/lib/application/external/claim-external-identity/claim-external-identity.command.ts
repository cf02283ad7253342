import { type ExternalIdentityEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';
import { Command } from '@nestjs/cqrs';

/** Claim a provider account, whose control the provider vouched for, for a user. */
export class ClaimExternalIdentity extends Command<DeciderCommandResult<ExternalIdentityEvent>> {
  constructor(
    readonly userId: string,
    readonly provider: string,
    readonly subject: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
