import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  RefreshTokenReused,
  refreshTokenReuseIn,
  sessionDecider,
  type SessionEvent,
  sessionStreamId,
} from '@bandstand/identity/domain';
import {
  DeciderCommandRunner,
  type DeciderCommandResult,
  KernelDatabase,
} from '@bandstand/shared/event-store';
import { RefreshSession } from './refresh-session.command';

/**
 * Handles {@link RefreshSession}. A detected reuse is decided as events (RefreshTokenReused,
 * SessionRevoked) rather than thrown, so that the command path commits them; only then does this
 * handler raise IDENTITY.REFRESH_TOKEN_REUSED. That is why it refuses to run inside a caller's
 * transaction: the caller's rollback would undo the revocation.
 */
@CommandHandler(RefreshSession)
export class RefreshSessionHandler implements ICommandHandler<RefreshSession> {
  constructor(
    @Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
  ) {}

  async execute(command: RefreshSession): Promise<DeciderCommandResult<SessionEvent>> {
    if (this.db.currentTransaction !== undefined) {
      throw new Error(
        'RefreshSession must run outside a transaction, so that a detected reuse commits its revocation',
      );
    }
    const result = await this.runner.run(
      sessionDecider,
      sessionStreamId(command.sessionId),
      {
        kind: 'RefreshSession',
        presentedHash: command.presentedHash,
        newHash: command.newHash,
        ttlSeconds: command.ttlSeconds,
      },
      command.metadata,
    );
    // Committed: the revocation stands whatever becomes of the error.
    if (refreshTokenReuseIn(result.events)) throw new RefreshTokenReused();
    return result;
  }
}
