import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Renames an account; `displayName` is sealed under `userId`. */
export class ChangeDisplayName extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly displayName: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
