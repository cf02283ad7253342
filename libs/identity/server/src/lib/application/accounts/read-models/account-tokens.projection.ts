import { Injectable } from '@nestjs/common';
import { type UserEvent, userIdOfStream } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';

/**
 * identity.account_tokens from the user streams: which account a mailed sign-up or reset link
 * belongs to. A newer reset request removes the pending older link; verification and password
 * changes mark links used; deletion removes them all.
 */
@Injectable()
@InlineProjection({
  name: 'identity.account-tokens',
  eventTypes: [
    'AccountRegistered',
    'EmailVerified',
    'PasswordResetRequested',
    'PasswordChanged',
    'AccountDeleted',
  ],
})
export class AccountTokensProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const userId = userIdOfStream(stored.streamId);
      if (userId === null) continue;
      await this.apply(userId, { type: stored.type, data: stored.data } as UserEvent, stored.recordedAt, tx);
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.account_tokens');
  }

  private async apply(userId: string, event: UserEvent, at: Date, tx: KernelTransaction): Promise<void> {
    switch (event.type) {
      case 'AccountRegistered': {
        const { verificationTokenHash, verificationExpiresAt } = event.data;
        if (verificationTokenHash === null || verificationExpiresAt === null) return;
        await this.insert(verificationTokenHash, userId, 'verification', at, verificationExpiresAt, tx);
        return;
      }
      case 'EmailVerified':
        await this.markUsed(userId, 'verification', at, tx);
        return;
      case 'PasswordResetRequested':
        await tx.query(
          `delete from identity.account_tokens where user_id = $1 and kind = 'reset' and used_at is null`,
          [userId],
        );
        await this.insert(event.data.tokenHash, userId, 'reset', at, event.data.expiresAt, tx);
        return;
      case 'PasswordChanged':
        await this.markUsed(userId, 'reset', at, tx);
        return;
      case 'AccountDeleted':
        await tx.query('delete from identity.account_tokens where user_id = $1', [userId]);
        return;
      case 'DisplayNameChanged':
        return;
    }
  }

  private async insert(
    tokenHash: string,
    userId: string,
    kind: 'verification' | 'reset',
    at: Date,
    expiresAt: string,
    tx: KernelTransaction,
  ): Promise<void> {
    await tx.query(
      `insert into identity.account_tokens (token_hash, user_id, kind, created_at, expires_at)
       values ($1, $2, $3, $4, $5) on conflict (token_hash) do nothing`,
      [tokenHash, userId, kind, at, expiresAt],
    );
  }

  private async markUsed(userId: string, kind: 'verification' | 'reset', at: Date, tx: KernelTransaction) {
    await tx.query(
      `update identity.account_tokens set used_at = $3 where user_id = $1 and kind = $2 and used_at is null`,
      [userId, kind, at],
    );
  }
}
