import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type SignInMethod, type SignInResponse } from '@bandstand/identity/contracts';
import { UserNotFound } from '@bandstand/identity/domain';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type CommandMetadata, KernelDatabase } from '@bandstand/shared/event-store';
import { type FastifyRequest } from 'fastify';
import { newRefreshToken, setRefreshCookie } from '../../../infrastructure/tokens/refresh-token';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';
import { ACCESS_TOKENS, type AccessTokens } from '../../../ports/tokens.port';
import { STAFF_ROLE_DIRECTORY, type StaffRoleDirectory } from '../../staff/staff-roles';
import { type SessionIssuer, type SignInExchange } from '../account-services';
import { type AccountsConfig, refreshTtlSeconds, secureCookies } from '../accounts.config';
import { type AccountRow, AccountQueries } from '../read-models/account-queries';
import { StartSession } from './start-session.command';

// Enough to tell browsers apart on the sessions list; longer headers are cut.
const MAX_USER_AGENT_LENGTH = 512;

function userAgentOf(request: FastifyRequest): string | null {
  const agent = request.headers['user-agent'];
  if (typeof agent !== 'string' || agent.trim() === '') return null;
  return agent.trim().slice(0, MAX_USER_AGENT_LENGTH);
}

/**
 * SESSION_ISSUER: every sign-in (password, e-mail link, OIDC, SIWE) ends here. It starts a session
 * (SessionStarted with the hash of its first refresh token and the sealed user agent), sets the
 * refresh token in its httpOnly cookie and answers with an access token.
 */
@Injectable()
export class SessionIssuerService implements SessionIssuer {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(ACCESS_TOKENS) private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
    @Optional() @Inject(STAFF_ROLE_DIRECTORY) private readonly staffRoles?: StaffRoleDirectory,
  ) {}

  async start(
    userId: string,
    method: SignInMethod,
    exchange: SignInExchange,
    metadata: CommandMetadata,
  ): Promise<SignInResponse> {
    const account = await this.queries.userById(userId);
    if (account === null || account.deletedAt !== null) throw new UserNotFound();
    const sessionId = randomUUID();
    const refresh = newRefreshToken(sessionId);
    const agent = userAgentOf(exchange.request);
    await this.db.transaction(async () => {
      await this.commands.execute(
        new StartSession(
          sessionId,
          {
            userId,
            method,
            userAgent: agent === null ? null : await this.vault.seal(userId, agent),
            refreshTokenHash: refresh.hash,
            ttlSeconds: refreshTtlSeconds(this.config),
          },
          { ...metadata, tenantId: userId },
        ),
      );
    });
    const response = await this.signedIn(account, sessionId);
    this.setCookie(exchange, refresh.token);
    return response;
  }

  /** The answer of a sign-in or refresh: a fresh access token for the session and the user. */
  async signedIn(account: AccountRow, sessionId: string): Promise<SignInResponse> {
    const access = await this.accessTokens.issue({ userId: account.userId, sessionId });
    return {
      accessToken: access.token,
      expiresAt: access.expiresAt.toISOString(),
      sessionId,
      user: {
        userId: account.userId,
        email: account.email ?? '',
        displayName: account.displayName,
        staffRoles: (await this.staffRoles?.rolesOf(account.userId)) ?? [],
      },
    };
  }

  /** Sets a session's refresh token in its cookie. */
  setCookie(exchange: SignInExchange, token: string): void {
    setRefreshCookie(exchange.reply, token, {
      secure: secureCookies(this.config),
      maxAgeSeconds: refreshTtlSeconds(this.config),
    });
  }
}
