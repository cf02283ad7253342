import { EXTERNAL_IDENTITY_EVENT_TYPES, type ExternalIdentityEvent } from '@bandstand/identity/domain';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { Injectable } from '@nestjs/common';

/**
 * identity.external_identities, kept inline: the callback that claims a provider account signs
 * the user in through it at once, and a released one no longer signs anybody in.
 */
@Injectable()
@InlineProjection({ name: 'identity.external-identities', eventTypes: EXTERNAL_IDENTITY_EVENT_TYPES })
export class ExternalIdentitiesProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as ExternalIdentityEvent;
      switch (event.type) {
        case 'ExternalIdentityClaimed':
          await tx.query(
            `insert into identity.external_identities (provider, subject, user_id, linked_at) values ($1, $2, $3, $4)
             on conflict (provider, subject) do update set user_id = excluded.user_id, linked_at = excluded.linked_at`,
            [event.data.provider, event.data.subject, event.data.userId, stored.recordedAt],
          );
          break;
        case 'ExternalIdentityReleased':
          await tx.query(
            'delete from identity.external_identities where provider = $1 and subject = $2 and user_id = $3',
            [event.data.provider, event.data.subject, event.data.userId],
          );
          break;
      }
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate identity.external_identities');
  }
}
