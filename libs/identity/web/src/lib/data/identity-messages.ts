import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { ACCESS_ERROR_CODES } from '@bandstand/shared/contracts';

/**
 * The console's own code for a sign-out the api could not be told about: the session is forgotten
 * here, but its refresh cookie may still be valid until the api hears of it.
 */
export const SIGN_OUT_INCOMPLETE = 'CLIENT.SIGN_OUT_INCOMPLETE';

const TRY_AGAIN_LATER = 'That sign-in took too long or was started in another tab. Please try again.';

/** Why a sign-in that came back to the console (`?error=CODE`) did not work, for people. */
const SIGN_IN_ERRORS: Readonly<Record<string, string>> = {
  [IDENTITY_ERROR_CODES.oidcAccessDenied]:
    'Signing in with the provider was cancelled or refused. Try again, or sign in with your e-mail and password.',
  [IDENTITY_ERROR_CODES.oidcStateMismatch]: TRY_AGAIN_LATER,
  [IDENTITY_ERROR_CODES.oidcNonceMismatch]: TRY_AGAIN_LATER,
  [IDENTITY_ERROR_CODES.oidcFailed]:
    'The provider could not confirm who you are. Please try again in a moment.',
  [IDENTITY_ERROR_CODES.oidcEmailInUse]:
    'An account with this e-mail address already exists. Sign in with your password, then link the provider on your account page.',
  [IDENTITY_ERROR_CODES.oidcProviderUnknown]: 'That sign-in provider is not available here.',
  [IDENTITY_ERROR_CODES.staffOnly]:
    'The staff console is for Bandstand staff only, so you were signed out. Fans and creators sign in to their own consoles.',
  [IDENTITY_ERROR_CODES.accountDeleted]: 'This account has been deleted.',
  [ACCESS_ERROR_CODES.sessionEnded]: 'Your session has ended. Please sign in again.',
  [SIGN_OUT_INCOMPLETE]:
    'You are signed out in this browser, but Bandstand could not be reached to end the session. Sign in and out again, or use "Sign out everywhere" on your account page.',
};

/** The message for an error code a sign-in redirect brought back; unknown codes are named. */
export function signInErrorMessage(code: string): string {
  return SIGN_IN_ERRORS[code] ?? `Signing in did not work (${code}). Please try again.`;
}

/** How a session was started, as the account page lists it. */
export const SIGN_IN_METHOD_LABELS: Readonly<Record<string, string>> = {
  password: 'E-mail and password',
  'email-link': 'E-mail verification link',
  oidc: 'Sign-in provider',
  siwe: 'Wallet',
};
