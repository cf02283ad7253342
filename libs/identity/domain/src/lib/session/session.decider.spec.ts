import { deciderSpec, fixedDecisionContext, FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  refreshTokenReuseIn,
  sessionDecider,
  type SessionEvent,
  sessionIdOfStream,
  sessionStreamId,
} from './session.decider';
import { RefreshTokenInvalid, SessionAlreadyStarted, SessionNotFound } from './session.errors';

const NOW = Date.parse(FIXED_NOW_ISO);
const DAY_SECONDS = 24 * 60 * 60;
const iso = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();
const at = (offsetMs: number) => fixedDecisionContext({ now: new Date(NOW + offsetMs) });

const started: SessionEvent = {
  type: 'SessionStarted',
  data: {
    userId: 'u-1',
    method: 'password',
    userAgent: 'pd1:agent',
    refreshTokenHash: 'hash-1',
    expiresAt: iso(30 * DAY_SECONDS * 1000),
  },
};
const refreshed = (from: string, to: string, offsetMs = 0): SessionEvent => ({
  type: 'SessionRefreshed',
  data: { refreshTokenHash: to, previousHash: from, expiresAt: iso(offsetMs + 30 * DAY_SECONDS * 1000) },
});
const revoked = (reason: 'sign-out' | 'reuse' = 'sign-out'): SessionEvent => ({
  type: 'SessionRevoked',
  data: { reason },
});
const refresh = (presentedHash: string, newHash = 'hash-new') =>
  ({ kind: 'RefreshSession', presentedHash, newHash, ttlSeconds: 30 * DAY_SECONDS }) as const;

describe('sessionDecider', () => {
  it('names the stream identity-session-<sessionId>', () => {
    expect(sessionStreamId('s-1')).toBe('identity-session-s-1');
    expect(sessionIdOfStream('identity-session-s-1')).toBe('s-1');
    expect(sessionIdOfStream('identity-user-u-1')).toBeNull();
  });

  describe('StartSession', () => {
    it('starts a session that expires after its time to live', () => {
      deciderSpec(sessionDecider)
        .when({
          kind: 'StartSession',
          userId: 'u-1',
          method: 'password',
          userAgent: 'pd1:agent',
          refreshTokenHash: 'hash-1',
          ttlSeconds: 30 * DAY_SECONDS,
        })
        .then([started]);
    });

    it('refuses a session id used before', () => {
      deciderSpec(sessionDecider)
        .given([started])
        .when({
          kind: 'StartSession',
          userId: 'u-1',
          method: 'password',
          userAgent: null,
          refreshTokenHash: 'hash-x',
          ttlSeconds: 60,
        })
        .thenThrows(SessionAlreadyStarted);
    });
  });

  describe('RefreshSession', () => {
    it('rotates the current token and slides the expiry', () => {
      deciderSpec(sessionDecider)
        .given([started])
        .when(refresh('hash-1', 'hash-2'), at(60_000))
        .then([refreshed('hash-1', 'hash-2', 60_000)]);
    });

    it('rotates again from the newest token', () => {
      deciderSpec(sessionDecider)
        .given([started, refreshed('hash-1', 'hash-2')])
        .when(refresh('hash-2', 'hash-3'))
        .then([refreshed('hash-2', 'hash-3')]);
    });

    it('revokes the session when an earlier token comes back, without throwing, so the revocation commits', () => {
      deciderSpec(sessionDecider)
        .given([started, refreshed('hash-1', 'hash-2'), refreshed('hash-2', 'hash-3')])
        .when(refresh('hash-1'))
        .then([
          { type: 'RefreshTokenReused', data: { presentedHash: 'hash-1' } },
          { type: 'SessionRevoked', data: { reason: 'reuse' } },
        ]);
    });

    it('leaves the newest token unusable after reuse was detected', () => {
      deciderSpec(sessionDecider)
        .given([
          started,
          refreshed('hash-1', 'hash-2'),
          { type: 'RefreshTokenReused', data: { presentedHash: 'hash-1' } },
          revoked('reuse'),
        ])
        .when(refresh('hash-2'))
        .thenThrows('IDENTITY.REFRESH_TOKEN_INVALID');
    });

    it('refuses a token that never belonged to the session', () => {
      deciderSpec(sessionDecider)
        .given([started, refreshed('hash-1', 'hash-2')])
        .when(refresh('hash-unknown'))
        .thenThrows(RefreshTokenInvalid);
    });

    it('refuses an expired session, even with its current token', () => {
      deciderSpec(sessionDecider)
        .given([started])
        .when(refresh('hash-1'), at(30 * DAY_SECONDS * 1000))
        .thenThrows(RefreshTokenInvalid);
    });

    it('refuses a revoked session', () => {
      deciderSpec(sessionDecider)
        .given([started, revoked()])
        .when(refresh('hash-1'))
        .thenThrows(RefreshTokenInvalid);
    });

    it('refuses a session that does not exist', () => {
      deciderSpec(sessionDecider).when(refresh('hash-1')).thenThrows(RefreshTokenInvalid);
    });
  });

  describe('RevokeSession', () => {
    it('revokes an active session with the reason given', () => {
      deciderSpec(sessionDecider)
        .given([started])
        .when({ kind: 'RevokeSession', reason: 'sign-out-everywhere' })
        .then([{ type: 'SessionRevoked', data: { reason: 'sign-out-everywhere' } }]);
    });

    it('revokes a session of the user named', () => {
      deciderSpec(sessionDecider)
        .given([started])
        .when({ kind: 'RevokeSession', reason: 'removed-session', userId: 'u-1' })
        .then([{ type: 'SessionRevoked', data: { reason: 'removed-session' } }]);
    });

    it("refuses another user's session as not found", () => {
      deciderSpec(sessionDecider)
        .given([started])
        .when({ kind: 'RevokeSession', reason: 'removed-session', userId: 'u-2' })
        .thenThrows(SessionNotFound);
    });

    it('decides nothing for a session revoked already', () => {
      deciderSpec(sessionDecider)
        .given([started, revoked()])
        .when({ kind: 'RevokeSession', reason: 'staff' })
        .thenNothing();
    });

    it('refuses a session that does not exist', () => {
      deciderSpec(sessionDecider)
        .when({ kind: 'RevokeSession', reason: 'sign-out' })
        .thenThrows('IDENTITY.SESSION_NOT_FOUND');
    });
  });

  it('tells a reuse decision from a rotation', () => {
    expect(refreshTokenReuseIn([{ type: 'RefreshTokenReused' }, { type: 'SessionRevoked' }])).toBe(true);
    expect(refreshTokenReuseIn([{ type: 'SessionRefreshed' }])).toBe(false);
  });
});
