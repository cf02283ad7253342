import { type SignInMethod } from '@bandstand/identity/contracts';
import { type Decider, type DecisionContext } from '@bandstand/shared/domain';
import { RefreshTokenInvalid, SessionAlreadyStarted, SessionNotFound } from './session.errors';

/** Prefix of a session's stream: `identity-session-<sessionId>`. */
export const SESSION_STREAM_PREFIX = 'identity-session-';

/** The stream of one session (one refresh-token family). */
export function sessionStreamId(sessionId: string): string {
  return `${SESSION_STREAM_PREFIX}${sessionId}`;
}

/** The session id of a session stream; null for any other stream. */
export function sessionIdOfStream(streamId: string): string | null {
  return streamId.startsWith(SESSION_STREAM_PREFIX) ? streamId.slice(SESSION_STREAM_PREFIX.length) : null;
}

/** Why a session ended. */
export type SessionRevocationReason =
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'reuse'
  | 'password-reset'
  | 'account-deleted'
  | 'staff'
  | 'removed-session';

/**
 * Commands of the session decider. Hashes are sha256 hex of refresh tokens; `userAgent` is sealed
 * by the PersonalDataVault under the user's id (opaque here). `ttlSeconds` is how long the session
 * lives from now without a refresh.
 */
export type SessionCommand =
  | {
      readonly kind: 'StartSession';
      readonly userId: string;
      readonly method: SignInMethod;
      readonly userAgent: string | null;
      readonly refreshTokenHash: string;
      readonly ttlSeconds: number;
    }
  | {
      readonly kind: 'RefreshSession';
      readonly presentedHash: string;
      readonly newHash: string;
      readonly ttlSeconds: number;
    }
  | {
      readonly kind: 'RevokeSession';
      readonly reason: SessionRevocationReason;
      /** When given, the session must belong to this user (a user ending one of their sessions). */
      readonly userId?: string;
    };

/** Events of a session stream. Sealed field: `userAgent`. */
export type SessionEvent =
  | {
      readonly type: 'SessionStarted';
      readonly data: {
        readonly userId: string;
        readonly method: SignInMethod;
        readonly userAgent: string | null;
        readonly refreshTokenHash: string;
        readonly expiresAt: string;
      };
    }
  | {
      readonly type: 'SessionRefreshed';
      readonly data: {
        readonly refreshTokenHash: string;
        readonly previousHash: string;
        readonly expiresAt: string;
      };
    }
  | { readonly type: 'RefreshTokenReused'; readonly data: { readonly presentedHash: string } }
  | { readonly type: 'SessionRevoked'; readonly data: { readonly reason: SessionRevocationReason } };

/** Every event type of a session stream. */
export const SESSION_EVENT_TYPES = [
  'SessionStarted',
  'SessionRefreshed',
  'RefreshTokenReused',
  'SessionRevoked',
] as const satisfies readonly SessionEvent['type'][];

/** What the session decider knows of one session. */
export interface SessionState {
  readonly status: 'none' | 'active' | 'revoked';
  readonly userId: string | null;
  /** Hash of the one refresh token that may be used next. */
  readonly currentHash: string | null;
  /** Hashes of every token rotated away: presenting one again is reuse. */
  readonly previousHashes: readonly string[];
  readonly expiresAt: string | null;
}

const initialSessionState: SessionState = {
  status: 'none',
  userId: null,
  currentHash: null,
  previousHashes: [],
  expiresAt: null,
};

function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionStarted':
      return {
        status: 'active',
        userId: event.data.userId,
        currentHash: event.data.refreshTokenHash,
        previousHashes: [],
        expiresAt: event.data.expiresAt,
      };
    case 'SessionRefreshed':
      return {
        ...state,
        currentHash: event.data.refreshTokenHash,
        previousHashes: [...state.previousHashes, event.data.previousHash],
        expiresAt: event.data.expiresAt,
      };
    case 'RefreshTokenReused':
      return state;
    case 'SessionRevoked':
      return { ...state, status: 'revoked' };
  }
}

function expiresAfter(context: DecisionContext, ttlSeconds: number): string {
  return new Date(context.now.getTime() + ttlSeconds * 1000).toISOString();
}

function decideSession(
  command: SessionCommand,
  state: SessionState,
  context: DecisionContext,
): readonly SessionEvent[] {
  switch (command.kind) {
    case 'StartSession':
      if (state.status !== 'none') throw new SessionAlreadyStarted();
      return [
        {
          type: 'SessionStarted',
          data: {
            userId: command.userId,
            method: command.method,
            userAgent: command.userAgent,
            refreshTokenHash: command.refreshTokenHash,
            expiresAt: expiresAfter(context, command.ttlSeconds),
          },
        },
      ];
    case 'RefreshSession': {
      if (state.status !== 'active' || state.currentHash === null || state.expiresAt === null) {
        throw new RefreshTokenInvalid();
      }
      if (context.now.getTime() >= Date.parse(state.expiresAt)) throw new RefreshTokenInvalid();
      if (command.presentedHash === state.currentHash) {
        return [
          {
            type: 'SessionRefreshed',
            data: {
              refreshTokenHash: command.newHash,
              previousHash: state.currentHash,
              expiresAt: expiresAfter(context, command.ttlSeconds),
            },
          },
        ];
      }
      // A rotated-away token came back: whoever holds the family is suspect, so all of it ends.
      // These events are decided (and committed) rather than thrown; the caller raises
      // RefreshTokenReused afterwards (see refreshTokenReuseIn).
      if (state.previousHashes.includes(command.presentedHash)) {
        return [
          { type: 'RefreshTokenReused', data: { presentedHash: command.presentedHash } },
          { type: 'SessionRevoked', data: { reason: 'reuse' } },
        ];
      }
      throw new RefreshTokenInvalid();
    }
    case 'RevokeSession':
      if (state.status === 'none') throw new SessionNotFound();
      if (command.userId !== undefined && command.userId !== state.userId) throw new SessionNotFound();
      if (state.status === 'revoked') return [];
      return [{ type: 'SessionRevoked', data: { reason: command.reason } }];
  }
}

/**
 * One session, that is one family of rotating refresh tokens (stream
 * `identity-session-<sessionId>`): each refresh replaces the current token; an earlier token
 * presented again revokes the session.
 */
export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: () => initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
};

/** Whether a RefreshSession decision detected reuse (and revoked the session). */
export function refreshTokenReuseIn(events: readonly { readonly type: string }[]): boolean {
  return events.some((event) => event.type === 'RefreshTokenReused');
}
