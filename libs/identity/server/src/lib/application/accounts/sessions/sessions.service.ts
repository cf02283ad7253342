import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type SessionSummary, type SignInResponse } from '@bandstand/identity/contracts';
import { RefreshTokenInvalid, type SessionRevocationReason } from '@bandstand/identity/domain';
import { APP_CONFIG } from '@bandstand/shared/config';
import {
  type CommandMetadata,
  KERNEL_CLOCK,
  KernelDatabase,
  type KernelClock,
} from '@bandstand/shared/event-store';
import {
  clearRefreshCookie,
  newRefreshToken,
  parseRefreshToken,
  readRefreshCookie,
} from '../../../infrastructure/tokens/refresh-token';
import { type SignInExchange } from '../account-services';
import { type AccountsConfig, refreshTtlSeconds, secureCookies } from '../accounts.config';
import { AccountQueries, type SessionRow } from '../read-models/account-queries';
import { requestMetadata, userActor } from '../request-metadata';
import { RefreshSession } from './refresh-session.command';
import { RevokeSession } from './revoke-session.command';
import { SessionIssuerService } from './session-issuer.service';

/** A session as its user sees it on the profile. */
export function sessionSummary(session: SessionRow, currentSessionId: string | null): SessionSummary {
  return {
    sessionId: session.sessionId,
    method: session.method,
    userAgent: session.userAgent,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    current: session.sessionId === currentSessionId,
  };
}

/** Refresh-token rotation, sign-out, and ending a user's sessions. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(SessionIssuerService) private readonly issuer: SessionIssuerService,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /**
   * POST /auth/refresh: rotates the cookie's refresh token and answers with a new access token. An
   * unusable token clears the cookie; a reused one has revoked its session (committed) first.
   */
  async refresh(exchange: SignInExchange): Promise<SignInResponse> {
    try {
      const presented = readRefreshCookie(exchange.request);
      const parsed = presented === null ? null : parseRefreshToken(presented);
      if (parsed === null) throw new RefreshTokenInvalid();
      const session = await this.queries.session(parsed.sessionId);
      const account = session === null ? null : await this.queries.userById(session.userId);
      if (session === null || account === null || account.deletedAt !== null) throw new RefreshTokenInvalid();
      const next = newRefreshToken(session.sessionId);
      await this.commands.execute(
        new RefreshSession(
          session.sessionId,
          parsed.hash,
          next.hash,
          refreshTtlSeconds(this.config),
          requestMetadata(exchange.request, userActor(account.userId), account.userId),
        ),
      );
      const response = await this.issuer.signedIn(account, session.sessionId);
      this.issuer.setCookie(exchange, next.token);
      return response;
    } catch (error) {
      clearRefreshCookie(exchange.reply, secureCookies(this.config));
      throw error;
    }
  }

  /**
   * POST /auth/sign-out: ends the session of the cookie's refresh token (the current one, or an
   * earlier one of the same session) and clears the cookie. Anything else is ignored: signing out
   * always succeeds.
   */
  async signOut(exchange: SignInExchange): Promise<void> {
    const presented = readRefreshCookie(exchange.request);
    const parsed = presented === null ? null : parseRefreshToken(presented);
    const session = parsed === null ? null : await this.queries.session(parsed.sessionId);
    if (
      parsed !== null &&
      session !== null &&
      session.revokedAt === null &&
      (session.refreshTokenHash === parsed.hash || session.previousHashes.includes(parsed.hash))
    ) {
      await this.commands.execute(
        new RevokeSession(
          session.sessionId,
          'sign-out',
          requestMetadata(exchange.request, userActor(session.userId), session.userId),
        ),
      );
    }
    clearRefreshCookie(exchange.reply, secureCookies(this.config));
  }

  /** The user's sessions still usable now, oldest first. */
  async activeSessions(userId: string): Promise<SessionRow[]> {
    return this.queries.sessionsOf(userId, { activeAt: this.clock.now() });
  }

  /** Ends one session of the user (IDENTITY.SESSION_NOT_FOUND for another user's or none). */
  async revoke(
    userId: string,
    sessionId: string,
    reason: SessionRevocationReason,
    metadata: CommandMetadata,
  ): Promise<void> {
    await this.commands.execute(new RevokeSession(sessionId, reason, metadata, userId));
  }

  /**
   * Ends every usable session of the user but `except`, in one transaction (joined when the caller
   * has one open). Returns how many it ended.
   */
  async revokeAll(
    userId: string,
    reason: SessionRevocationReason,
    metadata: CommandMetadata,
    except: string | null = null,
  ): Promise<number> {
    return this.db.transaction(async () => {
      const sessions = await this.activeSessions(userId);
      let revoked = 0;
      for (const session of sessions) {
        if (session.sessionId === except) continue;
        await this.commands.execute(new RevokeSession(session.sessionId, reason, metadata, userId));
        revoked++;
      }
      return revoked;
    });
  }
}
