import { Command } from '@nestjs/cqrs';
import { type SessionEvent, type SessionRevocationReason } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/**
 * Ends a session (sign-out, sign-out everywhere, a removed session, a password reset, account
 * deletion, staff). With `userId`, the session must be that user's (IDENTITY.SESSION_NOT_FOUND
 * otherwise). Revoking a revoked session changes nothing.
 */
export class RevokeSession extends Command<DeciderCommandResult<SessionEvent>> {
  constructor(
    readonly sessionId: string,
    readonly reason: SessionRevocationReason,
    readonly metadata: CommandMetadata,
    readonly userId?: string,
  ) {
    super();
  }
}
