import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type AcceptedResponse, type SignUpRequest } from '@bandstand/identity/contracts';
import { APP_CONFIG } from '@bandstand/shared/config';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type FastifyRequest } from 'fastify';
import { IdentityMailComposer } from '../../../infrastructure/mail/identity-mail.composer';
import { IdentityMail } from '../../../infrastructure/mail/identity-mail.service';
import { clientKeys, emailKey } from '../../../infrastructure/rate-limit/client-keys';
import {
  PASSWORD_HASHER,
  PASSWORD_POLICY,
  type PasswordHasher,
  type PasswordPolicy,
} from '../../../ports/passwords.port';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';
import { RATE_LIMITER, type RateLimiter } from '../../../ports/rate-limit.port';
import { SIGN_UP_ACCEPTED } from '../accepted';
import { type AccountsConfig, consoleLink, publicUrlOf } from '../accounts.config';
import { emailDigest } from '../directory/email-digest';
import { newMailedToken } from '../mailed-token';
import { isUniqueViolation } from '../postgres-errors';
import { AccountQueries } from '../read-models/account-queries';
import { ANONYMOUS_ACTOR, requestMetadata, userActor } from '../request-metadata';
import { RegisterAccount } from './register-account.command';

/**
 * POST /auth/sign-up. Always the same 202, so that nobody learns whether an address has an
 * account: a new address is registered and sent its verification link; a registered one is sent
 * a mail saying so (with the way to reset the password). Password rules are answered, as they say
 * nothing about the address. Both paths hash the password, so they take as long.
 */
@Injectable()
export class SignUpService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PASSWORD_POLICY) private readonly policy: PasswordPolicy,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(IdentityMail) private readonly mail: IdentityMail,
    @Inject(IdentityMailComposer) private readonly composer: IdentityMailComposer,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
  ) {}

  async signUp(request: SignUpRequest, from: FastifyRequest): Promise<AcceptedResponse> {
    const email = request.email.trim();
    const displayName = request.displayName.trim();
    const digest = emailDigest(this.config.PERSONAL_DATA_KEY, email);
    await this.rateLimiter.consume('sign-up', clientKeys(from, [emailKey(digest)]));
    await this.policy.check(request.password, { email });
    const passwordHash = await this.hasher.hash(request.password);
    try {
      await this.db.transaction(async () => {
        const existing = await this.queries.userByEmailDigest(digest);
        if (existing !== null) {
          const message = this.composer.accountExists({
            to: email,
            link: `${publicUrlOf(this.config)}/${request.console}/reset-password`,
          });
          const metadata = requestMetadata(from, ANONYMOUS_ACTOR, existing.userId);
          await this.mail.send(existing.userId, message, {
            causationId: metadata.correlationId,
            purpose: 'account-exists',
          });
          return;
        }
        const userId = randomUUID();
        const verification = newMailedToken();
        const result = await this.commands.execute(
          new RegisterAccount(
            userId,
            {
              email: await this.vault.seal(userId, email),
              emailDigest: digest,
              displayName: await this.vault.seal(userId, displayName),
              passwordHash,
              verificationTokenHash: verification.hash,
            },
            requestMetadata(from, userActor(userId), userId),
          ),
        );
        const registered = result.events[0];
        if (registered === undefined) throw new Error('RegisterAccount decided no event');
        const message = this.composer.verifyEmail({
          to: email,
          displayName,
          link: consoleLink(this.config, request.console, 'verify-email', verification.token),
        });
        await this.mail.send(userId, message, { causationId: registered.eventId, purpose: 'verify-email' });
      });
    } catch (error) {
      // Another sign-up registered the address meanwhile: it has its mail, this one the same answer.
      if (!isUniqueViolation(error, 'users_email_digest_key')) throw error;
    }
    return SIGN_UP_ACCEPTED;
  }
}
