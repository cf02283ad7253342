import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Sets a new password (argon2id hash) with the hash of a single-use reset token. */
export class ResetPassword extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly tokenHash: string,
    readonly passwordHash: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
