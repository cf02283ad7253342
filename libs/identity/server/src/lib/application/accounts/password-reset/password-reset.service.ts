import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  type AcceptedResponse,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
} from '@bandstand/identity/contracts';
import { TokenExpired, TokenInvalid } from '@bandstand/identity/domain';
import { APP_CONFIG } from '@bandstand/shared/config';
import { KERNEL_CLOCK, type KernelClock, KernelDatabase } from '@bandstand/shared/event-store';
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
import { RATE_LIMITER, type RateLimiter } from '../../../ports/rate-limit.port';
import { PASSWORD_RESET_ACCEPTED } from '../accepted';
import { type AccountsConfig, consoleLink } from '../accounts.config';
import { emailDigest } from '../directory/email-digest';
import { mailedTokenHash, newMailedToken } from '../mailed-token';
import { AccountQueries } from '../read-models/account-queries';
import { ANONYMOUS_ACTOR, requestMetadata, userActor } from '../request-metadata';
import { SessionsService } from '../sessions/sessions.service';
import { RequestPasswordReset } from './request-password-reset.command';
import { ResetPassword } from './reset-password.command';

/**
 * Password reset by a mailed single-use link valid for 30 minutes. Requesting always answers the
 * same 202; confirming sets the password, ends every session of the account (whoever knew the old
 * password is signed out) and mails the owner that the password changed.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PASSWORD_POLICY) private readonly policy: PasswordPolicy,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(IdentityMail) private readonly mail: IdentityMail,
    @Inject(IdentityMailComposer) private readonly composer: IdentityMailComposer,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /** POST /auth/password-reset: mails a link when the address has a live account; 202 either way. */
  async request(request: PasswordResetRequest, from: FastifyRequest): Promise<AcceptedResponse> {
    const digest = emailDigest(this.config.PERSONAL_DATA_KEY, request.email);
    await this.rateLimiter.consume('password-reset', clientKeys(from, [emailKey(digest)]));
    const account = await this.queries.userByEmailDigest(digest);
    if (account === null || account.email === null || account.deletedAt !== null)
      return PASSWORD_RESET_ACCEPTED;
    const email = account.email;
    const reset = newMailedToken();
    await this.db.transaction(async () => {
      const result = await this.commands.execute(
        new RequestPasswordReset(
          account.userId,
          reset.hash,
          requestMetadata(from, ANONYMOUS_ACTOR, account.userId),
        ),
      );
      const requested = result.events[0];
      if (requested === undefined) throw new Error('RequestPasswordReset decided no event');
      const message = this.composer.passwordReset({
        to: email,
        link: consoleLink(this.config, request.console, 'reset-password', reset.token),
      });
      await this.mail.send(account.userId, message, {
        causationId: requested.eventId,
        purpose: 'password-reset',
      });
    });
    return PASSWORD_RESET_ACCEPTED;
  }

  /** POST /auth/password-reset/confirm. */
  async confirm(request: PasswordResetConfirmRequest, from: FastifyRequest): Promise<void> {
    await this.rateLimiter.consume('password-reset', clientKeys(from));
    const tokenHash = mailedTokenHash(request.token);
    // Refused early from the read model, so that a dead link is said before the password rules;
    // the user decider remains the judge (it also refuses a link a newer request replaced).
    const pending = await this.queries.token(tokenHash, 'reset');
    if (pending === null || pending.usedAt !== null) throw new TokenInvalid();
    if (Date.parse(pending.expiresAt) <= this.clock.now().getTime()) throw new TokenExpired();
    const account = await this.queries.userById(pending.userId);
    if (account === null || account.email === null || account.deletedAt !== null) throw new TokenInvalid();
    const email = account.email;
    await this.policy.check(request.password, { email });
    const passwordHash = await this.hasher.hash(request.password);
    const metadata = requestMetadata(from, userActor(account.userId), account.userId);
    await this.db.transaction(async () => {
      const result = await this.commands.execute(
        new ResetPassword(account.userId, tokenHash, passwordHash, metadata),
      );
      const changed = result.events.find((event) => event.type === 'PasswordChanged');
      if (changed === undefined) throw new Error('ResetPassword decided no PasswordChanged');
      await this.sessions.revokeAll(account.userId, 'password-reset', metadata);
      await this.mail.send(account.userId, this.composer.passwordChanged({ to: email }), {
        causationId: changed.eventId,
        purpose: 'password-changed',
      });
    });
  }
}
