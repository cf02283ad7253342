import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '../identity.error';

/** A mailed token (e-mail verification, password reset) that is unknown, replaced or already used (400). */
export class TokenInvalid extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.tokenInvalid, 'This link is not valid or has already been used', {
      status: 400,
      field: 'token',
    });
  }
}

/** A mailed token past its expiry (400): the user asks for a new one. */
export class TokenExpired extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.tokenExpired, 'This link has expired; ask for a new one', {
      status: 400,
      field: 'token',
    });
  }
}

/** The account was deleted: nothing can be done with it any more (410). */
export class AccountIsDeleted extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.accountDeleted, 'This account has been deleted', { status: 410 });
  }
}

/**
 * The user stream already holds an account. Registration always addresses a fresh id, so this
 * only happens when an id is reused by mistake (409).
 */
export class AccountAlreadyRegistered extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.accountExists, 'This account is already registered', { status: 409 });
  }
}

/** The command needs a registered account (404). */
export class UserNotFound extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.userNotFound, 'There is no such user', { status: 404 });
  }
}

/**
 * E-mail and password do not match an account. Deliberately the same answer for an unknown
 * address, a wrong password and an account without a password, so nobody learns which (401).
 */
export class InvalidCredentials extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.invalidCredentials, 'The e-mail address or the password is wrong', {
      status: 401,
    });
  }
}

/** The password was right but the address is not verified yet (403); only said after a correct password. */
export class EmailNotVerified extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.emailNotVerified,
      'Confirm your e-mail address first: follow the link we sent you',
      { status: 403 },
    );
  }
}
