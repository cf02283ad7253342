import { Inject, Injectable } from '@nestjs/common';
import {
  SESSION_EVENT_TYPES,
  type SessionEvent,
  sessionIdOfStream,
  userIdOfStream,
} from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';

/**
 * identity.sessions from the session streams, inline so that a revocation stops the next request
 * at once (the principal resolver reads this table). An account's deletion also ends and scrubs
 * its sessions here, whatever their streams say.
 */
@Injectable()
@InlineProjection({ name: 'identity.sessions', eventTypes: [...SESSION_EVENT_TYPES, 'AccountDeleted'] })
export class SessionsProjection implements InlineProjectionHandler {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      if (stored.type === 'AccountDeleted') {
        const userId = userIdOfStream(stored.streamId);
        if (userId !== null) await this.endAllOf(userId, stored.recordedAt, tx);
        continue;
      }
      const sessionId = sessionIdOfStream(stored.streamId);
      if (sessionId === null) continue;
      await this.apply(
        sessionId,
        { type: stored.type, data: stored.data } as SessionEvent,
        stored.recordedAt,
        tx,
      );
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.sessions');
  }

  private async apply(
    sessionId: string,
    event: SessionEvent,
    at: Date,
    tx: KernelTransaction,
  ): Promise<void> {
    switch (event.type) {
      case 'SessionStarted': {
        const { userId, method, userAgent, refreshTokenHash, expiresAt } = event.data;
        const agent = userAgent === null ? null : await this.vault.open(userId, userAgent);
        await tx.query(
          `insert into identity.sessions (session_id, user_id, method, user_agent, refresh_token_hash,
             created_at, last_used_at, expires_at)
           values ($1, $2, $3, $4, $5, $6, $6, $7)
           on conflict (session_id) do nothing`,
          [sessionId, userId, method, agent, refreshTokenHash, at, expiresAt],
        );
        return;
      }
      case 'SessionRefreshed':
        await tx.query(
          `update identity.sessions set refresh_token_hash = $2,
             previous_hashes = array_append(previous_hashes, $3), expires_at = $4,
             last_used_at = greatest(last_used_at, $5)
           where session_id = $1`,
          [sessionId, event.data.refreshTokenHash, event.data.previousHash, event.data.expiresAt, at],
        );
        return;
      case 'SessionRevoked':
        await tx.query(
          `update identity.sessions set revoked_at = $2, revoked_reason = $3
           where session_id = $1 and revoked_at is null`,
          [sessionId, at, event.data.reason],
        );
        return;
      case 'RefreshTokenReused':
        return;
    }
  }

  private async endAllOf(userId: string, at: Date, tx: KernelTransaction): Promise<void> {
    await tx.query(
      `update identity.sessions set user_agent = null,
         revoked_at = coalesce(revoked_at, $2), revoked_reason = coalesce(revoked_reason, 'account-deleted')
       where user_id = $1`,
      [userId, at],
    );
  }
}
