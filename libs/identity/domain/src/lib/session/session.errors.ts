import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '../identity.error';

/** The refresh token is unknown, expired, or its session ended: sign in again (401). */
export class RefreshTokenInvalid extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.refreshTokenInvalid, 'This session has ended; sign in again', { status: 401 });
  }
}

/**
 * An earlier refresh token of a session came back after it had been rotated: it was copied, so
 * the whole session was revoked (401). Raised only after that revocation is committed.
 */
export class RefreshTokenReused extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.refreshTokenReused,
      'This session was ended because an old sign-in token was used again; sign in again',
      { status: 401 },
    );
  }
}

/** No such session of this user (404). */
export class SessionNotFound extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.sessionNotFound, 'There is no such session', { status: 404 });
  }
}

/** The session stream exists already: session ids are fresh, so this is an id reused by mistake (409). */
export class SessionAlreadyStarted extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.sessionExists, 'This session has already started', { status: 409 });
  }
}
