import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Records a password-reset token (its hash) for an account; the link is mailed in the same transaction. */
export class RequestPasswordReset extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly tokenHash: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
