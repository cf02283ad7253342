import { Inject, Injectable } from '@nestjs/common';
import { type UserEvent, USER_EVENT_TYPES, userIdOfStream } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';

/** The display name a deleted account shows wherever it is still referred to. */
export const DELETED_USER_NAME = 'Deleted user';

/**
 * identity.users from the user streams, inline so that sign-up, sign-in and the principal
 * resolver read their own writes. Sealed fields are opened through the vault; an account's
 * deletion scrubs its row (the events stay, unreadable once its key is shredded).
 */
@Injectable()
@InlineProjection({ name: 'identity.users', eventTypes: USER_EVENT_TYPES })
export class UsersProjection implements InlineProjectionHandler {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const userId = userIdOfStream(stored.streamId);
      if (userId === null) continue;
      await this.apply(userId, { type: stored.type, data: stored.data } as UserEvent, stored.recordedAt, tx);
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.users');
  }

  private async apply(userId: string, event: UserEvent, at: Date, tx: KernelTransaction): Promise<void> {
    switch (event.type) {
      case 'AccountRegistered': {
        const email = await this.vault.open(userId, event.data.email);
        const displayName = await this.vault.open(userId, event.data.displayName);
        await tx.query(
          `insert into identity.users (user_id, email, email_digest, display_name, password_hash,
             email_verified, created_at, updated_at)
           values ($1, $2, $3, $4, $5, false, $6, $6)
           on conflict (user_id) do nothing`,
          [
            userId,
            email,
            event.data.emailDigest,
            displayName ?? DELETED_USER_NAME,
            event.data.passwordHash,
            at,
          ],
        );
        return;
      }
      case 'EmailVerified':
        await tx.query(
          'update identity.users set email_verified = true, updated_at = $2 where user_id = $1',
          [userId, at],
        );
        return;
      case 'PasswordChanged':
        await tx.query('update identity.users set password_hash = $2, updated_at = $3 where user_id = $1', [
          userId,
          event.data.passwordHash,
          at,
        ]);
        return;
      case 'DisplayNameChanged': {
        const displayName = await this.vault.open(userId, event.data.displayName);
        if (displayName === null) return;
        await tx.query('update identity.users set display_name = $2, updated_at = $3 where user_id = $1', [
          userId,
          displayName,
          at,
        ]);
        return;
      }
      case 'AccountDeleted':
        await tx.query(
          `update identity.users set email = null, email_digest = null, display_name = $2,
             password_hash = null, deleted_at = $3, updated_at = $3
           where user_id = $1`,
          [userId, DELETED_USER_NAME, at],
        );
        return;
      case 'PasswordResetRequested':
        return;
    }
  }
}
