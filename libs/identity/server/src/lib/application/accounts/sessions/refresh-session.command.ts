import { Command } from '@nestjs/cqrs';
import { type SessionEvent } from '@bandstand/identity/domain';
import { type CommandMetadata, type DeciderCommandResult } from '@bandstand/shared/event-store';

/**
 * Rotates a session's refresh token: the presented token's hash must be the current one;
 * `newHash` becomes current and the session lives `ttlSeconds` more. An earlier token of the
 * session revokes it and fails with IDENTITY.REFRESH_TOKEN_REUSED once that revocation is committed.
 */
export class RefreshSession extends Command<DeciderCommandResult<SessionEvent>> {
  constructor(
    readonly sessionId: string,
    readonly presentedHash: string,
    readonly newHash: string,
    readonly ttlSeconds: number,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
