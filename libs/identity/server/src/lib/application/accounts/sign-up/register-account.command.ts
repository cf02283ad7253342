import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Registers an account with a password; `email` and `displayName` are sealed under `userId`. */
export class RegisterAccount extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly account: {
      readonly email: string;
      readonly emailDigest: string;
      readonly displayName: string;
      readonly passwordHash: string;
      readonly verificationTokenHash: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
