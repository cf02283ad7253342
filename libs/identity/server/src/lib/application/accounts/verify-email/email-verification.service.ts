import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type SignInResponse } from '@bandstand/identity/contracts';
import { TokenInvalid } from '@bandstand/identity/domain';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type SignInExchange } from '../account-services';
import { ACCOUNT_VERIFIED_HOOK, type AccountVerifiedHook } from '../account-verified.hook';
import { mailedTokenHash } from '../mailed-token';
import { AccountQueries } from '../read-models/account-queries';
import { requestMetadata, userActor } from '../request-metadata';
import { SessionIssuerService } from '../sessions/session-issuer.service';
import { VerifyEmail } from './verify-email.command';

/**
 * POST /auth/verify-email: the sign-up link's token verifies the address (with the
 * verified-account hook in the same transaction) and signs the user in, as following a link
 * mailed to the address proves as much as a password.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(SessionIssuerService) private readonly sessions: SessionIssuerService,
    @Optional() @Inject(ACCOUNT_VERIFIED_HOOK) private readonly verifiedHook?: AccountVerifiedHook,
  ) {}

  async verify(token: string, exchange: SignInExchange): Promise<SignInResponse> {
    const tokenHash = mailedTokenHash(token);
    const pending = await this.queries.token(tokenHash, 'verification');
    if (pending === null) throw new TokenInvalid();
    const metadata = requestMetadata(exchange.request, userActor(pending.userId), pending.userId);
    await this.db.transaction(async () => {
      await this.commands.execute(new VerifyEmail(pending.userId, tokenHash, metadata));
      const account = await this.queries.userById(pending.userId);
      if (account !== null && account.email !== null) {
        await this.verifiedHook?.accountVerified({ userId: account.userId, email: account.email }, metadata);
      }
    });
    return this.sessions.start(pending.userId, 'email-link', exchange, metadata);
  }
}
