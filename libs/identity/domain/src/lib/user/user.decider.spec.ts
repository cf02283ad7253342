import { deciderSpec, fixedDecisionContext, FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  PASSWORD_RESET_TTL_MS,
  userDecider,
  type UserEvent,
  userIdOfStream,
  userStreamId,
  VERIFICATION_TTL_MS,
} from './user.decider';
import {
  AccountAlreadyRegistered,
  AccountIsDeleted,
  TokenExpired,
  TokenInvalid,
  UserNotFound,
} from './user.errors';

const NOW = Date.parse(FIXED_NOW_ISO);
const iso = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();
const at = (offsetMs: number) => fixedDecisionContext({ now: new Date(NOW + offsetMs) });

const registered: UserEvent = {
  type: 'AccountRegistered',
  data: {
    userId: 'u-1',
    email: 'pd1:sealed-email',
    emailDigest: 'digest-1',
    displayName: 'pd1:sealed-name',
    passwordHash: '$argon2id$hash-1',
    verificationTokenHash: 'verify-hash',
    verificationExpiresAt: iso(VERIFICATION_TTL_MS),
  },
};
const verified: UserEvent = { type: 'EmailVerified', data: { via: 'link' } };
const resetRequested: UserEvent = {
  type: 'PasswordResetRequested',
  data: { tokenHash: 'reset-hash', expiresAt: iso(PASSWORD_RESET_TTL_MS) },
};
const deleted: UserEvent = { type: 'AccountDeleted', data: { userId: 'u-1' } };

describe('userDecider', () => {
  it('names the stream identity-user-<userId>', () => {
    expect(userStreamId('u-1')).toBe('identity-user-u-1');
    expect(userIdOfStream('identity-user-u-1')).toBe('u-1');
    expect(userIdOfStream('identity-session-s-1')).toBeNull();
  });

  describe('RegisterAccount', () => {
    it('registers with the sealed fields as given and a verification link valid for a day', () => {
      deciderSpec(userDecider)
        .when({
          kind: 'RegisterAccount',
          userId: 'u-1',
          email: 'pd1:sealed-email',
          emailDigest: 'digest-1',
          displayName: 'pd1:sealed-name',
          passwordHash: '$argon2id$hash-1',
          verificationTokenHash: 'verify-hash',
        })
        .then([registered]);
    });

    it('refuses a stream that already holds an account', () => {
      deciderSpec(userDecider)
        .given([registered])
        .when({
          kind: 'RegisterAccount',
          userId: 'u-1',
          email: 'x',
          emailDigest: 'd',
          displayName: 'n',
          passwordHash: 'h',
          verificationTokenHash: 't',
        })
        .thenThrows(AccountAlreadyRegistered);
    });
  });

  describe('RegisterVerifiedAccount', () => {
    it('registers without a password and verifies the address at once', () => {
      deciderSpec(userDecider)
        .when({
          kind: 'RegisterVerifiedAccount',
          userId: 'u-2',
          email: 'pd1:e',
          emailDigest: 'digest-2',
          displayName: 'pd1:n',
        })
        .then([
          {
            type: 'AccountRegistered',
            data: {
              userId: 'u-2',
              email: 'pd1:e',
              emailDigest: 'digest-2',
              displayName: 'pd1:n',
              passwordHash: null,
              verificationTokenHash: null,
              verificationExpiresAt: null,
            },
          },
          { type: 'EmailVerified', data: { via: 'provider' } },
        ]);
    });

    it('refuses a stream that already holds an account', () => {
      deciderSpec(userDecider)
        .given([registered])
        .when({
          kind: 'RegisterVerifiedAccount',
          userId: 'u-1',
          email: 'e',
          emailDigest: 'd',
          displayName: 'n',
        })
        .thenThrows('IDENTITY.ACCOUNT_EXISTS');
    });
  });

  describe('VerifyEmail', () => {
    it('verifies with the mailed token before it expires', () => {
      deciderSpec(userDecider)
        .given([registered])
        .when({ kind: 'VerifyEmail', tokenHash: 'verify-hash' }, at(VERIFICATION_TTL_MS - 1))
        .then([verified]);
    });

    it('refuses an expired token with IDENTITY.TOKEN_EXPIRED', () => {
      deciderSpec(userDecider)
        .given([registered])
        .when({ kind: 'VerifyEmail', tokenHash: 'verify-hash' }, at(VERIFICATION_TTL_MS))
        .thenThrows('IDENTITY.TOKEN_EXPIRED');
    });

    it('refuses an unknown token with IDENTITY.TOKEN_INVALID', () => {
      deciderSpec(userDecider)
        .given([registered])
        .when({ kind: 'VerifyEmail', tokenHash: 'another-hash' })
        .thenThrows(TokenInvalid);
    });

    it('refuses a used token with IDENTITY.TOKEN_INVALID, even before its expiry', () => {
      deciderSpec(userDecider)
        .given([registered, verified])
        .when({ kind: 'VerifyEmail', tokenHash: 'verify-hash' })
        .thenThrows('IDENTITY.TOKEN_INVALID');
    });

    it('refuses an account registered through a provider (no link was mailed)', () => {
      deciderSpec(userDecider)
        .given([
          {
            type: 'AccountRegistered',
            data: {
              ...registered.data,
              passwordHash: null,
              verificationTokenHash: null,
              verificationExpiresAt: null,
            },
          },
        ])
        .when({ kind: 'VerifyEmail', tokenHash: 'verify-hash' })
        .thenThrows(TokenInvalid);
    });

    it('refuses an unregistered user', () => {
      deciderSpec(userDecider)
        .when({ kind: 'VerifyEmail', tokenHash: 'verify-hash' })
        .thenThrows(UserNotFound);
    });
  });

  describe('RequestPasswordReset', () => {
    it('records the token hash with a 30-minute expiry', () => {
      deciderSpec(userDecider)
        .given([registered, verified])
        .when({ kind: 'RequestPasswordReset', tokenHash: 'reset-hash' })
        .then([resetRequested]);
    });

    it('refuses an unregistered user', () => {
      deciderSpec(userDecider)
        .when({ kind: 'RequestPasswordReset', tokenHash: 'reset-hash' })
        .thenThrows('IDENTITY.USER_NOT_FOUND');
    });
  });

  describe('ResetPassword', () => {
    it('sets the new password with the latest token before it expires', () => {
      deciderSpec(userDecider)
        .given([registered, verified, resetRequested])
        .when(
          { kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$new' },
          at(PASSWORD_RESET_TTL_MS - 1),
        )
        .then([{ type: 'PasswordChanged', data: { passwordHash: '$argon2id$new', via: 'reset' } }]);
    });

    it('also verifies an unverified address: the link proved the mailbox', () => {
      deciderSpec(userDecider)
        .given([registered, resetRequested])
        .when({ kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$new' })
        .then([
          { type: 'EmailVerified', data: { via: 'password-reset' } },
          { type: 'PasswordChanged', data: { passwordHash: '$argon2id$new', via: 'reset' } },
        ]);
    });

    it('accepts a token once only', () => {
      deciderSpec(userDecider)
        .given([
          registered,
          verified,
          resetRequested,
          { type: 'PasswordChanged', data: { passwordHash: '$argon2id$new', via: 'reset' } },
        ])
        .when({ kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$again' })
        .thenThrows(TokenInvalid);
    });

    it('refuses a token once a newer reset was requested', () => {
      deciderSpec(userDecider)
        .given([
          registered,
          verified,
          resetRequested,
          {
            type: 'PasswordResetRequested',
            data: { tokenHash: 'newer-hash', expiresAt: iso(PASSWORD_RESET_TTL_MS) },
          },
        ])
        .when({ kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$new' })
        .thenThrows('IDENTITY.TOKEN_INVALID');
    });

    it('refuses a token after 30 minutes with IDENTITY.TOKEN_EXPIRED', () => {
      deciderSpec(userDecider)
        .given([registered, verified, resetRequested])
        .when(
          { kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$new' },
          at(PASSWORD_RESET_TTL_MS),
        )
        .thenThrows(TokenExpired);
    });

    it('refuses when no reset was requested', () => {
      deciderSpec(userDecider)
        .given([registered, verified])
        .when({ kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$new' })
        .thenThrows(TokenInvalid);
    });

    it('ends a pending reset when the password is changed otherwise', () => {
      deciderSpec(userDecider)
        .given([
          registered,
          verified,
          resetRequested,
          { type: 'PasswordChanged', data: { passwordHash: '$argon2id$changed', via: 'change' } },
        ])
        .when({ kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: '$argon2id$new' })
        .thenThrows(TokenInvalid);
    });
  });

  describe('ChangePassword', () => {
    it('records the new hash', () => {
      deciderSpec(userDecider)
        .given([registered, verified])
        .when({ kind: 'ChangePassword', passwordHash: '$argon2id$changed' })
        .then([{ type: 'PasswordChanged', data: { passwordHash: '$argon2id$changed', via: 'change' } }]);
    });

    it('gives an account registered through a provider a password', () => {
      deciderSpec(userDecider)
        .given([
          {
            type: 'AccountRegistered',
            data: {
              ...registered.data,
              passwordHash: null,
              verificationTokenHash: null,
              verificationExpiresAt: null,
            },
          },
          { type: 'EmailVerified', data: { via: 'provider' } },
        ])
        .when({ kind: 'ChangePassword', passwordHash: '$argon2id$first' })
        .thenState({
          status: 'registered',
          userId: 'u-1',
          emailDigest: 'digest-1',
          hasPassword: true,
          emailVerified: true,
          verification: null,
          passwordReset: null,
        });
    });

    it('refuses an unregistered user', () => {
      deciderSpec(userDecider).when({ kind: 'ChangePassword', passwordHash: 'h' }).thenThrows(UserNotFound);
    });
  });

  describe('ChangeDisplayName', () => {
    it('records the sealed name', () => {
      deciderSpec(userDecider)
        .given([registered])
        .when({ kind: 'ChangeDisplayName', displayName: 'pd1:new-name' })
        .then([{ type: 'DisplayNameChanged', data: { displayName: 'pd1:new-name' } }]);
    });

    it('refuses an unregistered user', () => {
      deciderSpec(userDecider)
        .when({ kind: 'ChangeDisplayName', displayName: 'pd1:n' })
        .thenThrows(UserNotFound);
    });
  });

  describe('DeleteAccount', () => {
    it('deletes the account', () => {
      deciderSpec(userDecider).given([registered, verified]).when({ kind: 'DeleteAccount' }).then([deleted]);
    });

    it('refuses an unregistered user', () => {
      deciderSpec(userDecider).when({ kind: 'DeleteAccount' }).thenThrows(UserNotFound);
    });

    it('leaves a state in which the pending links are gone', () => {
      deciderSpec(userDecider).given([registered, resetRequested]).when({ kind: 'DeleteAccount' }).thenState({
        status: 'deleted',
        userId: 'u-1',
        emailDigest: 'digest-1',
        hasPassword: true,
        emailVerified: false,
        verification: null,
        passwordReset: null,
      });
    });
  });

  describe('after AccountDeleted', () => {
    it.each([
      {
        kind: 'RegisterAccount',
        userId: 'u-1',
        email: 'e',
        emailDigest: 'd',
        displayName: 'n',
        passwordHash: 'h',
        verificationTokenHash: 't',
      },
      { kind: 'RegisterVerifiedAccount', userId: 'u-1', email: 'e', emailDigest: 'd', displayName: 'n' },
      { kind: 'VerifyEmail', tokenHash: 'verify-hash' },
      { kind: 'RequestPasswordReset', tokenHash: 'reset-hash' },
      { kind: 'ResetPassword', tokenHash: 'reset-hash', passwordHash: 'h' },
      { kind: 'ChangePassword', passwordHash: 'h' },
      { kind: 'ChangeDisplayName', displayName: 'pd1:n' },
      { kind: 'DeleteAccount' },
    ] as const)('refuses $kind with IDENTITY.ACCOUNT_DELETED', (command) => {
      deciderSpec(userDecider)
        .given([registered, resetRequested, deleted])
        .when(command)
        .thenThrows(AccountIsDeleted);
    });
  });

  it('folds events it does not know (added by later areas) without changing the state', () => {
    const unknown = { type: 'SomethingLater', data: {} } as unknown as UserEvent;
    deciderSpec(userDecider)
      .given([registered, unknown])
      .when({ kind: 'VerifyEmail', tokenHash: 'verify-hash' })
      .then([verified]);
  });
});
