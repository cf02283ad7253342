import { Command } from '@nestjs/cqrs';
import { type SignInMethod } from '@bandstand/identity/contracts';
import { type SessionEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/** Starts a session with the hash of its first refresh token; `userAgent` is sealed under the user's id. */
export class StartSession extends Command<DeciderCommandResult<SessionEvent>> {
  constructor(
    readonly sessionId: string,
    readonly session: {
      readonly userId: string;
      readonly method: SignInMethod;
      readonly userAgent: string | null;
      readonly refreshTokenHash: string;
      readonly ttlSeconds: number;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
