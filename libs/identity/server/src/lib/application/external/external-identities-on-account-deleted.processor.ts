import { type AccountDeletedData, IDENTITY_INTEGRATION_EVENTS } from '@bandstand/identity/contracts';
import {
  causedBy,
  type KernelTransaction,
  Processor,
  type ProcessorHandler,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReleaseExternalIdentity } from './release-external-identity/release-external-identity.command';

/** Name of {@link ExternalIdentitiesOnAccountDeleted}'s subscription. */
export const EXTERNAL_IDENTITIES_ON_ACCOUNT_DELETED = 'identity.external-identities-on-account-deleted';

/**
 * Releases every provider account of a deleted account (worker), so that nobody signs in to it
 * through a provider and the person can sign up again with the same provider account.
 */
@Injectable()
@Processor({
  name: EXTERNAL_IDENTITIES_ON_ACCOUNT_DELETED,
  version: 1,
  eventTypes: [IDENTITY_INTEGRATION_EVENTS.accountDeleted],
})
export class ExternalIdentitiesOnAccountDeleted implements ProcessorHandler {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: StoredEvent, tx: KernelTransaction): Promise<void> {
    const { userId } = event.data as AccountDeletedData;
    const identities = await tx.query<{ provider: string; subject: string }>(
      'select provider, subject from identity.external_identities where user_id = $1 order by provider, subject',
      [userId],
    );
    const metadata = causedBy(event, `processor:${EXTERNAL_IDENTITIES_ON_ACCOUNT_DELETED}`);
    for (const { provider, subject } of identities) {
      await this.commands.execute(new ReleaseExternalIdentity(userId, provider, subject, metadata));
    }
  }
}
