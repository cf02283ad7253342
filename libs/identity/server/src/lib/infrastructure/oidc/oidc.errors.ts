import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';

/** No provider of this name is configured (404). */
export class OidcProviderUnknown extends IdentityError {
  constructor(provider: string) {
    super(
      IDENTITY_ERROR_CODES.oidcProviderUnknown,
      `No sign-in provider "${provider.slice(0, 40)}" is configured`,
      {
        status: 404,
        field: 'provider',
      },
    );
  }
}

/** The callback's state was never issued, was used already, expired, or belongs to another provider (400). */
export class OidcStateMismatch extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.oidcStateMismatch,
      'This sign-in link is unknown, expired or was used already. Start the sign-in again.',
      { status: 400, field: 'state' },
    );
  }
}

/** The ID token does not carry the nonce the flow started with: a replayed or injected token (400). */
export class OidcNonceMismatch extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.oidcNonceMismatch,
      'The provider answered for another sign-in. Start the sign-in again.',
      {
        status: 400,
      },
    );
  }
}

/** The user did not allow Bandstand access at the provider (403). */
export class OidcAccessDenied extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.oidcAccessDenied,
      'You did not allow Bandstand to use your account at the provider',
      {
        status: 403,
      },
    );
  }
}

/** The provider could not be reached or refused the exchange (502); the message names no secret. */
export class OidcFailed extends IdentityError {
  constructor(reason: string) {
    super(IDENTITY_ERROR_CODES.oidcFailed, `The sign-in with the provider failed: ${reason}`, {
      status: 502,
    });
  }
}
