import { type AuthProvider, type ConsoleName, IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { APP_CONFIG } from '@bandstand/shared/config';
import { DomainError } from '@bandstand/shared/contracts';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ACCOUNT_DIRECTORY,
  type AccountDirectory,
  SESSION_ISSUER,
  type SessionIssuer,
  type SignInExchange,
} from '../accounts/account-services';
import { ANONYMOUS_ACTOR, requestMetadata, userActor } from '../accounts/request-metadata';
import {
  type ExternalClaims,
  OIDC_SIGN_IN,
  type OidcFlowIntent,
  type OidcSignIn,
} from '../../ports/oidc.port';
import { OidcStateMismatch } from '../../infrastructure/oidc/oidc.errors';
import { ClaimExternalIdentity } from './claim-external-identity/claim-external-identity.command';
import { ExternalIdentitiesQuery } from './external-identities.query';

/**
 * Cookie binding a flow to the browser that started it: it holds the flow's state and goes only
 * to the callback (SameSite=Lax, since the provider's redirect to the callback is a cross-site
 * navigation).
 */
export const OIDC_STATE_COOKIE = 'bs_oidc_state';

/** Longest display name taken from a provider. */
const DISPLAY_NAME_MAX_LENGTH = 80;

/** What the api's configuration gives this area. */
interface ExternalSignInConfig {
  readonly PUBLIC_URL?: string;
}

/** The console a flow falls back to when its state says nothing (unknown or expired). */
const FALLBACK_CONSOLE: ConsoleName = 'fan';

/** Why a callback ended, for the console's sign-in page (`?error=<code>`). */
function errorCodeOf(error: unknown): string {
  return error instanceof DomainError ? error.code : IDENTITY_ERROR_CODES.oidcFailed;
}

/** The provider's name for the person, or the e-mail's local part, fit for a display name. */
function displayNameOf(claims: ExternalClaims, email: string): string {
  const name = (claims.name ?? '').trim() || email.slice(0, Math.max(email.indexOf('@'), 1));
  return name.slice(0, DISPLAY_NAME_MAX_LENGTH);
}

/**
 * Sign-in and linking through OAuth/OIDC providers: starts flows and turns their callbacks into a
 * session (sign-in) or a linked provider account (link), and every failure into a redirect to the
 * console with an error code, so that a browser never lands on a bare error.
 */
@Injectable()
export class ExternalSignInService {
  private readonly logger = new Logger(ExternalSignInService.name);

  constructor(
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
    @Inject(SESSION_ISSUER) private readonly sessions: SessionIssuer,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(ExternalIdentitiesQuery) private readonly identities: ExternalIdentitiesQuery,
    @Inject(APP_CONFIG) private readonly config: ExternalSignInConfig,
  ) {}

  providers(): readonly AuthProvider[] {
    return this.oidc.providers();
  }

  /** The provider's authorization URL for a new flow; throws IdentityError `IDENTITY.OIDC_*`. */
  async start(provider: string, intent: OidcFlowIntent): Promise<string> {
    return (await this.oidc.start(provider, intent)).redirectUrl;
  }

  /** Where a browser goes when a flow could not start or finish: the console's sign-in page. */
  errorRedirect(consoleName: ConsoleName, error: unknown): string {
    if (!(error instanceof DomainError)) {
      this.logger.error(
        `OAuth/OIDC sign-in failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return this.consoleUrl(consoleName, `sign-in?error=${encodeURIComponent(errorCodeOf(error))}`);
  }

  /**
   * Finishes a flow at its callback and returns where to send the browser: the console's
   * `auth/complete` after a sign-in (the refresh cookie is set), its account page after linking,
   * or its sign-in page with `?error=<code>`. `boundState` is the state the browser's flow cookie
   * holds ({@link OIDC_STATE_COOKIE}). Never throws.
   */
  async callback(
    provider: string,
    callbackUrl: URL,
    exchange: SignInExchange,
    boundState: string | undefined,
  ): Promise<string> {
    let consoleName = FALLBACK_CONSOLE;
    try {
      const state = callbackUrl.searchParams.get('state') ?? '';
      const peeked = await this.oidc.peekIntent(state);
      if (peeked !== null) consoleName = peeked.console;
      // A callback in another browser than the one that started the flow is someone else's code
      // being slipped in (login CSRF): the flow stays unused.
      if (boundState !== state) throw new OidcStateMismatch();
      const { claims, intent } = await this.oidc.complete(provider, callbackUrl);
      consoleName = intent.console;
      if (intent.mode === 'link') {
        await this.link(intent.userId, claims, exchange);
        return this.consoleUrl(consoleName, `account?linked=${encodeURIComponent(claims.provider)}`);
      }
      const userId = await this.userFor(claims, exchange);
      await this.sessions.start(
        userId,
        'oidc',
        exchange,
        requestMetadata(exchange.request, userActor(userId), userId),
      );
      return this.consoleUrl(consoleName, 'auth/complete');
    } catch (error) {
      return this.errorRedirect(consoleName, error);
    }
  }

  /** Links the provider account to the user who started the flow. */
  private async link(userId: string, claims: ExternalClaims, exchange: SignInExchange): Promise<void> {
    const account = await this.accounts.byId(userId);
    if (account === null || account.deleted) throw this.accountDeleted();
    await this.commands.execute(
      new ClaimExternalIdentity(
        userId,
        claims.provider,
        claims.subject,
        requestMetadata(exchange.request, userActor(userId), userId),
      ),
    );
  }

  /**
   * The account a provider account signs in to: the one it is linked to; otherwise a new account
   * when the provider vouches for an e-mail address no account has. An address an account has
   * already is refused rather than linked: a provider must not be able to take over accounts, so
   * linking is done by the signed-in user from the account page.
   */
  private async userFor(claims: ExternalClaims, exchange: SignInExchange): Promise<string> {
    const holder = await this.identities.holder(claims.provider, claims.subject);
    if (holder !== null) {
      const account = await this.accounts.byId(holder);
      if (account === null || account.deleted) throw this.accountDeleted();
      return holder;
    }
    if (claims.email === null || !claims.emailVerified) {
      throw new IdentityError(
        IDENTITY_ERROR_CODES.emailNotVerified,
        'The provider did not confirm an e-mail address for you. Sign up with your e-mail address, then link the provider from your account page.',
        { status: 403 },
      );
    }
    const email = claims.email;
    if ((await this.accounts.byEmail(email)) !== null) {
      throw new IdentityError(
        IDENTITY_ERROR_CODES.oidcEmailInUse,
        'An account with this e-mail address exists. Sign in with your password, then link the provider from your account page.',
        { status: 409 },
      );
    }
    // The account and its claim commit together: a claim lost to a concurrent sign-up leaves no account behind.
    return this.db.transaction(async () => {
      const userId = await this.accounts.registerVerified(
        { email, displayName: displayNameOf(claims, email) },
        requestMetadata(exchange.request, ANONYMOUS_ACTOR, null),
      );
      await this.commands.execute(
        new ClaimExternalIdentity(
          userId,
          claims.provider,
          claims.subject,
          requestMetadata(exchange.request, userActor(userId), userId),
        ),
      );
      return userId;
    });
  }

  private accountDeleted(): IdentityError {
    return new IdentityError(IDENTITY_ERROR_CODES.accountDeleted, 'This account was deleted', {
      status: 410,
    });
  }

  private consoleUrl(consoleName: ConsoleName, path: string): string {
    if (this.config.PUBLIC_URL === undefined)
      throw new Error('OAuth/OIDC sign-in needs PUBLIC_URL (it runs in the api)');
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/${consoleName}/${path}`;
  }
}
