import { ACCESS_ERROR_CODES, DomainError } from '@bandstand/shared/contracts';

/** No valid credentials (401). */
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in to do this') {
    super(ACCESS_ERROR_CODES.unauthenticated, message, { status: 401 });
  }
}

/** A forged or malformed access token: wrong key, wrong algorithm, wrong claims (401). */
export class AccessTokenInvalid extends DomainError {
  constructor(message = 'The access token is not valid') {
    super(ACCESS_ERROR_CODES.tokenInvalid, message, { status: 401 });
  }
}

/** An expired access token; the client refreshes it (401). */
export class AccessTokenExpired extends DomainError {
  constructor() {
    super(ACCESS_ERROR_CODES.tokenExpired, 'The access token has expired; refresh it', { status: 401 });
  }
}

/** The session behind an access token was revoked or ended (401). */
export class SessionEnded extends DomainError {
  constructor() {
    super(ACCESS_ERROR_CODES.sessionEnded, 'This session has ended; sign in again', { status: 401 });
  }
}

/** Signed in, but not allowed (403). */
export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ACCESS_ERROR_CODES.forbidden, message, { status: 403 });
  }
}

/** The organisation in the request is not the caller's (403). */
export class NotAMember extends DomainError {
  constructor(field: string) {
    super(ACCESS_ERROR_CODES.notAMember, 'You are not a member of this organisation', { status: 403, field });
  }
}

/** The route declares no access policy (403): deny by default. */
export class NoAccessPolicy extends DomainError {
  constructor(route: string) {
    super(ACCESS_ERROR_CODES.noPolicy, `No access policy is declared for ${route}`, { status: 403 });
  }
}

/** Too many attempts (429); `retryAfterSeconds` goes into the Retry-After header. */
export class RateLimited extends DomainError {
  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(ACCESS_ERROR_CODES.rateLimited, `Too many attempts; try again in ${seconds} s`, {
      status: 429,
      retryAfterSeconds: seconds,
    });
  }
}
