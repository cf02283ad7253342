import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type SignInRequest, type SignInResponse } from '@bandstand/identity/contracts';
import { EmailNotVerified, InvalidCredentials } from '@bandstand/identity/domain';
import { APP_CONFIG } from '@bandstand/shared/config';
import { clientKeys, emailKey } from '../../../infrastructure/rate-limit/client-keys';
import { PASSWORD_HASHER, type PasswordHasher } from '../../../ports/passwords.port';
import { RATE_LIMITER, type RateLimiter } from '../../../ports/rate-limit.port';
import { type SignInExchange } from '../account-services';
import { type AccountsConfig } from '../accounts.config';
import { emailDigest } from '../directory/email-digest';
import { AccountQueries } from '../read-models/account-queries';
import { requestMetadata, userActor } from '../request-metadata';
import { SessionIssuerService } from '../sessions/session-issuer.service';

/**
 * POST /auth/sign-in with e-mail and password. Every failure is the same 401
 * IDENTITY.INVALID_CREDENTIALS, and an unknown address (or an account without a password) costs
 * one argon2id verification against a dummy hash like a known one, so neither the answer nor its
 * timing tells whether an address has an account. Only after a correct password does an
 * unverified address hear IDENTITY.EMAIL_NOT_VERIFIED. Attempts count against the client's
 * address and the e-mail's digest; failures make the next attempt wait longer.
 */
@Injectable()
export class SignInService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(SessionIssuerService) private readonly sessions: SessionIssuerService,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
  ) {}

  async signIn(request: SignInRequest, exchange: SignInExchange): Promise<SignInResponse> {
    const keys = clientKeys(exchange.request, [
      emailKey(emailDigest(this.config.PERSONAL_DATA_KEY, request.email)),
    ]);
    await this.rateLimiter.consume('sign-in', keys);
    const account = await this.queries.userByEmailDigest(
      emailDigest(this.config.PERSONAL_DATA_KEY, request.email),
    );
    const hash = account?.passwordHash ?? (await this.dummy());
    const matches = await this.hasher.verify(hash, request.password);
    if (account === null || account.passwordHash === null || !matches) {
      await this.rateLimiter.recordFailure('sign-in', keys);
      throw new InvalidCredentials();
    }
    await this.rateLimiter.clearFailures('sign-in', keys);
    if (!account.emailVerified) throw new EmailNotVerified();
    return this.sessions.start(
      account.userId,
      'password',
      exchange,
      requestMetadata(exchange.request, userActor(account.userId), account.userId),
    );
  }

  // A hash of a random password with today's parameters, made once per process on first need.
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}
