import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Deletes an account: AccountDeleted, after which every command on it is refused. */
export class DeleteAccount extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
