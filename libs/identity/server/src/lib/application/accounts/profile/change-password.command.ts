import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Sets a new password (argon2id hash) for a signed-in user who proved the current one. */
export class ChangePassword extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly passwordHash: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
