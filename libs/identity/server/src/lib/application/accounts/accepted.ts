import { type AcceptedResponse } from '@bandstand/identity/contracts';

/**
 * The one answer of sign-up, whatever happened: a new account, an address already registered
 * (that address gets a mail saying so), or a race lost to another sign-up.
 */
export const SIGN_UP_ACCEPTED: AcceptedResponse = {
  status: 'accepted',
  message: 'Check your inbox: we sent you an e-mail to continue.',
};

/** The one answer of a password-reset request, whether or not the address has an account. */
export const PASSWORD_RESET_ACCEPTED: AcceptedResponse = {
  status: 'accepted',
  message: 'If an account uses this address, we sent it a link to choose a new password.',
};
