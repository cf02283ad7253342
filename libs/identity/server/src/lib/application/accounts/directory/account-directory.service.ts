import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type CommandMetadata, KernelDatabase } from '@bandstand/shared/event-store';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';
import { type AccountDirectory, type AccountRecord } from '../account-services';
import { ACCOUNT_VERIFIED_HOOK, type AccountVerifiedHook } from '../account-verified.hook';
import { type AccountsConfig } from '../accounts.config';
import { type AccountRow, AccountQueries } from '../read-models/account-queries';
import { RegisterVerifiedAccount } from '../sign-up/register-verified-account.command';
import { emailDigest } from './email-digest';

/** An account row as other areas see it. */
export function accountRecord(row: AccountRow): AccountRecord {
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    emailVerified: row.emailVerified,
    deleted: row.deletedAt !== null,
  };
}

/** {@link AccountDirectory} on the users read model (ACCOUNT_DIRECTORY). */
@Injectable()
export class AccountDirectoryService implements AccountDirectory {
  constructor(
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
    @Optional() @Inject(ACCOUNT_VERIFIED_HOOK) private readonly verifiedHook?: AccountVerifiedHook,
  ) {}

  async byId(userId: string): Promise<AccountRecord | null> {
    const row = await this.queries.userById(userId);
    return row === null ? null : accountRecord(row);
  }

  async byEmail(email: string): Promise<AccountRecord | null> {
    const row = await this.queries.userByEmailDigest(this.emailDigest(email));
    return row === null ? null : accountRecord(row);
  }

  emailDigest(email: string): string {
    return emailDigest(this.config.PERSONAL_DATA_KEY, email);
  }

  /**
   * Registers the account in one transaction with its sealed fields and the verified-account
   * hook. The events' tenant is the new user; the caller's actor and correlation are kept.
   */
  registerVerified(
    account: { readonly email: string; readonly displayName: string },
    metadata: CommandMetadata,
  ): Promise<string> {
    const userId = randomUUID();
    const email = account.email.trim();
    const own: CommandMetadata = { ...metadata, tenantId: userId };
    return this.db.transaction(async () => {
      await this.commands.execute(
        new RegisterVerifiedAccount(
          userId,
          {
            email: await this.vault.seal(userId, email),
            emailDigest: this.emailDigest(email),
            displayName: await this.vault.seal(userId, account.displayName.trim()),
          },
          own,
        ),
      );
      await this.verifiedHook?.accountVerified({ userId, email }, own);
      return userId;
    });
  }
}
