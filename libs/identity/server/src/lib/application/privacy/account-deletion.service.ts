import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { UserNotFound } from '@bandstand/identity/domain';
import { type Principal } from '@bandstand/shared/access';
import { APP_CONFIG } from '@bandstand/shared/config';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { clearRefreshCookie } from '../../infrastructure/tokens/refresh-token';
import { PASSWORD_HASHER, type PasswordHasher } from '../../ports/passwords.port';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../ports/personal-data.port';
import { RATE_LIMITER, type RateLimiter } from '../../ports/rate-limit.port';
import { type SignInExchange } from '../accounts/account-services';
import { type AccountsConfig, secureCookies } from '../accounts/accounts.config';
import { normaliseEmail } from '../accounts/directory/email-digest';
import { AccountQueries } from '../accounts/read-models/account-queries';
import { requestMetadata, userActor } from '../accounts/request-metadata';
import { SessionsService } from '../accounts/sessions/sessions.service';
import { confirmationKey, WrongConfirmation } from '../accounts/wrong-confirmation.error';
import { DeleteAccount } from './delete-account.command';
import { PERSONAL_DATA_ERASER, type PersonalDataEraser } from './personal-data-eraser';
import { SOLE_OWNERSHIP_CHECK, SoleOwner, type SoleOwnershipCheck } from './sole-ownership';

/**
 * POST /me/deletion. The user confirms with their password (or, for an account without one, their
 * e-mail address); the only owner of an organisation is refused (IDENTITY.SOLE_OWNER). Then, in
 * one transaction: every session ends, AccountDeleted is appended (the read models scrub the
 * account), the account's data key is shredded, which leaves every sealed field in the events
 * unreadable for good while their hashes still verify, and the other areas forget what they hold
 * of the account ({@link PersonalDataEraser}: invitations to its address, its name in team
 * activity).
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
    @Optional() @Inject(SOLE_OWNERSHIP_CHECK) private readonly soleOwnership?: SoleOwnershipCheck,
    @Optional() @Inject(PERSONAL_DATA_ERASER) private readonly eraser?: PersonalDataEraser,
  ) {}

  async delete(principal: Principal, confirmation: string, exchange: SignInExchange): Promise<void> {
    const { userId } = principal;
    const account = await this.queries.userById(userId);
    if (account === null || account.deletedAt !== null) throw new UserNotFound();
    const keys = [confirmationKey(userId)];
    await this.rateLimiter.consume('sign-in', keys);
    const confirmed =
      account.passwordHash !== null
        ? await this.hasher.verify(account.passwordHash, confirmation)
        : account.email !== null && normaliseEmail(confirmation) === normaliseEmail(account.email);
    if (!confirmed) {
      await this.rateLimiter.recordFailure('sign-in', keys);
      throw new WrongConfirmation(
        'confirmation',
        account.passwordHash !== null
          ? 'This does not match your password'
          : 'This does not match your e-mail address',
      );
    }
    await this.rateLimiter.clearFailures('sign-in', keys);
    // Refuse rather than orphan an organisation when the teams area did not say who owns what.
    if (this.soleOwnership === undefined)
      throw new Error('No SOLE_OWNERSHIP_CHECK is provided: deletion is refused');
    const eraser = this.eraser;
    if (eraser === undefined) throw new Error('No PERSONAL_DATA_ERASER is provided: deletion is refused');
    const owned = await this.soleOwnership.soleOwnerOf(userId);
    if (owned.length > 0) throw new SoleOwner(owned.length);
    const metadata = requestMetadata(exchange.request, userActor(userId), userId);
    await this.db.transaction(async () => {
      await this.sessions.revokeAll(userId, 'account-deleted', metadata);
      await this.commands.execute(new DeleteAccount(userId, metadata));
      await this.vault.shred(userId);
      // After AccountDeleted, whose projections already scrubbed the account's own rows.
      await eraser.erase({ userId, emailDigest: account.emailDigest });
    });
    clearRefreshCookie(exchange.reply, secureCookies(this.config));
  }
}
