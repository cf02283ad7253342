import { type SignInMethod, type SignInResponse } from '@bandstand/identity/contracts';
import { type CommandMetadata } from '@bandstand/shared/event-store';
import { type FastifyReply, type FastifyRequest } from 'fastify';

/** The HTTP exchange a sign-in answers: the refresh cookie is set on the reply. */
export interface SignInExchange {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * Starts sessions (accounts area): appends SessionStarted, sets the rotating refresh token in its
 * httpOnly cookie and returns the access token. Password, e-mail link, OIDC and SIWE sign-ins all
 * end here.
 */
export interface SessionIssuer {
  start(
    userId: string,
    method: SignInMethod,
    exchange: SignInExchange,
    metadata: CommandMetadata,
  ): Promise<SignInResponse>;
}
export const SESSION_ISSUER = Symbol('SESSION_ISSUER');

/** An account as other areas need to know it. */
export interface AccountRecord {
  readonly userId: string;
  readonly email: string | null;
  readonly displayName: string;
  readonly emailVerified: boolean;
  readonly deleted: boolean;
}

/** Finds and creates accounts for the other areas (OIDC, SIWE, teams, staff). */
export interface AccountDirectory {
  byId(userId: string): Promise<AccountRecord | null>;
  /** By e-mail address, compared case-insensitively through its digest. */
  byEmail(email: string): Promise<AccountRecord | null>;
  /** The HMAC digest of an e-mail address the read models and events index by. */
  emailDigest(email: string): string;
  /**
   * Registers an account whose e-mail a provider has verified (no password): AccountRegistered +
   * EmailVerified in one command. Returns the new user id.
   */
  registerVerified(
    account: { readonly email: string; readonly displayName: string },
    metadata: CommandMetadata,
  ): Promise<string>;
}
export const ACCOUNT_DIRECTORY = Symbol('ACCOUNT_DIRECTORY');
