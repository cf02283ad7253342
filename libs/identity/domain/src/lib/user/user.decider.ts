import { type AccountDeletedData } from '@bandstand/identity/contracts';
import { type Decider, type DecisionContext } from '@bandstand/shared/domain';
import {
  AccountAlreadyRegistered,
  AccountIsDeleted,
  TokenExpired,
  TokenInvalid,
  UserNotFound,
} from './user.errors';

/** Prefix of a user's stream: `identity-user-<userId>`. */
export const USER_STREAM_PREFIX = 'identity-user-';

/** The stream of one user account. */
export function userStreamId(userId: string): string {
  return `${USER_STREAM_PREFIX}${userId}`;
}

/** The user id of a user stream; null for any other stream. */
export function userIdOfStream(streamId: string): string | null {
  return streamId.startsWith(USER_STREAM_PREFIX) ? streamId.slice(USER_STREAM_PREFIX.length) : null;
}

/** How long the link mailed at sign-up stays valid. */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a password-reset link stays valid. */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

/**
 * Commands of the user decider. Personal fields (`email`, `displayName`) arrive already sealed by
 * the PersonalDataVault: the domain treats them as opaque strings. Token hashes are sha256 hex of
 * the mailed tokens; the tokens themselves never reach the domain.
 */
export type UserCommand =
  | {
      readonly kind: 'RegisterAccount';
      readonly userId: string;
      readonly email: string;
      readonly emailDigest: string;
      readonly displayName: string;
      readonly passwordHash: string;
      readonly verificationTokenHash: string;
    }
  | {
      /** An account whose e-mail an external provider has verified; no password. */
      readonly kind: 'RegisterVerifiedAccount';
      readonly userId: string;
      readonly email: string;
      readonly emailDigest: string;
      readonly displayName: string;
    }
  | { readonly kind: 'VerifyEmail'; readonly tokenHash: string }
  | { readonly kind: 'RequestPasswordReset'; readonly tokenHash: string }
  | { readonly kind: 'ResetPassword'; readonly tokenHash: string; readonly passwordHash: string }
  | { readonly kind: 'ChangePassword'; readonly passwordHash: string }
  | { readonly kind: 'ChangeDisplayName'; readonly displayName: string }
  | { readonly kind: 'DeleteAccount' };

/** How an address came to be verified. */
export type EmailVerificationMethod = 'link' | 'provider' | 'password-reset';

/** Events of a user stream. Sealed fields: `email`, `displayName`. */
export type UserEvent =
  | {
      readonly type: 'AccountRegistered';
      readonly data: {
        readonly userId: string;
        readonly email: string;
        readonly emailDigest: string;
        readonly displayName: string;
        readonly passwordHash: string | null;
        readonly verificationTokenHash: string | null;
        readonly verificationExpiresAt: string | null;
      };
    }
  | { readonly type: 'EmailVerified'; readonly data: { readonly via: EmailVerificationMethod } }
  | {
      readonly type: 'PasswordResetRequested';
      readonly data: { readonly tokenHash: string; readonly expiresAt: string };
    }
  | {
      readonly type: 'PasswordChanged';
      readonly data: { readonly passwordHash: string; readonly via: 'reset' | 'change' };
    }
  | { readonly type: 'DisplayNameChanged'; readonly data: { readonly displayName: string } }
  | { readonly type: 'AccountDeleted'; readonly data: AccountDeletedData };

/** Every event type of a user stream. */
export const USER_EVENT_TYPES = [
  'AccountRegistered',
  'EmailVerified',
  'PasswordResetRequested',
  'PasswordChanged',
  'DisplayNameChanged',
  'AccountDeleted',
] as const satisfies readonly UserEvent['type'][];

/** A single-use mailed token waiting to be used. */
export interface PendingToken {
  readonly tokenHash: string;
  readonly expiresAt: string;
}

/** What the user decider knows of an account. */
export interface UserState {
  readonly status: 'unregistered' | 'registered' | 'deleted';
  readonly userId: string | null;
  readonly emailDigest: string | null;
  readonly hasPassword: boolean;
  readonly emailVerified: boolean;
  /** The sign-up link, until it is used. */
  readonly verification: PendingToken | null;
  /** The latest reset link, until it is used; a newer request replaces it. */
  readonly passwordReset: PendingToken | null;
}

const initialUserState: UserState = {
  status: 'unregistered',
  userId: null,
  emailDigest: null,
  hasPassword: false,
  emailVerified: false,
  verification: null,
  passwordReset: null,
};

function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'AccountRegistered': {
      const { userId, emailDigest, passwordHash, verificationTokenHash, verificationExpiresAt } = event.data;
      return {
        ...state,
        status: 'registered',
        userId,
        emailDigest,
        hasPassword: passwordHash !== null,
        verification:
          verificationTokenHash === null || verificationExpiresAt === null
            ? null
            : { tokenHash: verificationTokenHash, expiresAt: verificationExpiresAt },
      };
    }
    case 'EmailVerified':
      return { ...state, emailVerified: true, verification: null };
    case 'PasswordResetRequested':
      return {
        ...state,
        passwordReset: { tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
      };
    case 'PasswordChanged':
      // Any new password ends the pending reset: its link must not set another one later.
      return { ...state, hasPassword: true, passwordReset: null };
    case 'DisplayNameChanged':
      return state;
    case 'AccountDeleted':
      return { ...state, status: 'deleted', verification: null, passwordReset: null };
    default:
      // Events other areas add to the stream later must not break the fold.
      return state;
  }
}

function expired(token: PendingToken, now: Date): boolean {
  return now.getTime() >= Date.parse(token.expiresAt);
}

function after(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}

/** The account must exist and not be deleted for any command but registration; returns its id. */
function requireAccount(state: UserState): string {
  if (state.status === 'deleted') throw new AccountIsDeleted();
  if (state.status === 'unregistered' || state.userId === null) throw new UserNotFound();
  return state.userId;
}

function decideUser(command: UserCommand, state: UserState, context: DecisionContext): readonly UserEvent[] {
  if (state.status === 'deleted') throw new AccountIsDeleted();
  switch (command.kind) {
    case 'RegisterAccount': {
      if (state.status !== 'unregistered') throw new AccountAlreadyRegistered();
      return [
        {
          type: 'AccountRegistered',
          data: {
            userId: command.userId,
            email: command.email,
            emailDigest: command.emailDigest,
            displayName: command.displayName,
            passwordHash: command.passwordHash,
            verificationTokenHash: command.verificationTokenHash,
            verificationExpiresAt: after(context.now, VERIFICATION_TTL_MS),
          },
        },
      ];
    }
    case 'RegisterVerifiedAccount': {
      if (state.status !== 'unregistered') throw new AccountAlreadyRegistered();
      return [
        {
          type: 'AccountRegistered',
          data: {
            userId: command.userId,
            email: command.email,
            emailDigest: command.emailDigest,
            displayName: command.displayName,
            passwordHash: null,
            verificationTokenHash: null,
            verificationExpiresAt: null,
          },
        },
        { type: 'EmailVerified', data: { via: 'provider' } },
      ];
    }
    case 'VerifyEmail': {
      requireAccount(state);
      // A used link is as invalid as an unknown one: the address is verified already.
      if (state.verification === null || state.verification.tokenHash !== command.tokenHash) {
        throw new TokenInvalid();
      }
      if (expired(state.verification, context.now)) throw new TokenExpired();
      return [{ type: 'EmailVerified', data: { via: 'link' } }];
    }
    case 'RequestPasswordReset':
      requireAccount(state);
      return [
        {
          type: 'PasswordResetRequested',
          data: { tokenHash: command.tokenHash, expiresAt: after(context.now, PASSWORD_RESET_TTL_MS) },
        },
      ];
    case 'ResetPassword': {
      requireAccount(state);
      if (state.passwordReset === null || state.passwordReset.tokenHash !== command.tokenHash) {
        throw new TokenInvalid();
      }
      if (expired(state.passwordReset, context.now)) throw new TokenExpired();
      const changed: UserEvent = {
        type: 'PasswordChanged',
        data: { passwordHash: command.passwordHash, via: 'reset' },
      };
      // The reset link reached the mailbox, which proves the address as well as the sign-up link
      // would (and rescues accounts whose sign-up link expired).
      return state.emailVerified
        ? [changed]
        : [{ type: 'EmailVerified', data: { via: 'password-reset' } }, changed];
    }
    case 'ChangePassword':
      requireAccount(state);
      return [{ type: 'PasswordChanged', data: { passwordHash: command.passwordHash, via: 'change' } }];
    case 'ChangeDisplayName':
      requireAccount(state);
      return [{ type: 'DisplayNameChanged', data: { displayName: command.displayName } }];
    case 'DeleteAccount':
      return [{ type: 'AccountDeleted', data: { userId: requireAccount(state) } }];
  }
}

/**
 * A user account (stream `identity-user-<userId>`): registration, e-mail verification, password
 * resets and changes, display name, deletion. After AccountDeleted every command is refused with
 * IDENTITY.ACCOUNT_DELETED.
 */
export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => initialUserState,
  evolve: evolveUser,
  decide: decideUser,
};
