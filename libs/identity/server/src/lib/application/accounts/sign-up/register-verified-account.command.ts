import { Command } from '@nestjs/cqrs';
import { type UserEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Registers an account whose address a provider verified (no password); fields sealed under `userId`. */
export class RegisterVerifiedAccount extends Command<DeciderCommandResult<UserEvent>> {
  constructor(
    readonly userId: string,
    readonly account: { readonly email: string; readonly emailDigest: string; readonly displayName: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
