import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';

/**
 * A signed-in user's password (or, without one, e-mail address) did not confirm a sensitive
 * action (422, naming the field). Not 401: the session itself is fine.
 */
export class WrongConfirmation extends IdentityError {
  constructor(field: string, message = 'This does not match your password') {
    super(IDENTITY_ERROR_CODES.invalidCredentials, message, { status: 422, field });
  }
}

/** The rate-limit key of a signed-in user's confirmations (password change, account deletion). */
export function confirmationKey(userId: string): string {
  return `user:${userId}`;
}
