import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Verifies an account's address with the hash of the mailed sign-up token. */
export class VerifyEmail extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly tokenHash: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
