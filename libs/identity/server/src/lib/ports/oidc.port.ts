import { type AuthProvider, type ConsoleName } from '@bandstand/identity/contracts';

/** What an OAuth/OIDC provider vouched for. */
export interface ExternalClaims {
  readonly provider: string;
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly name: string | null;
}

/** Why a flow was started: to sign in (or up), or to link the provider to a signed-in user. */
export type OidcFlowIntent =
  | { readonly mode: 'sign-in'; readonly console: ConsoleName }
  | { readonly mode: 'link'; readonly console: ConsoleName; readonly userId: string };

/**
 * Authorization code with PKCE through openid-client: `start` stores state, nonce and the code
 * verifier (Redis, single use, 10 minutes) and returns the provider's authorization URL;
 * `complete` takes the callback URL, checks state and nonce, exchanges the code and returns the
 * claims with the intent the flow started with. Errors are IdentityError `IDENTITY.OIDC_*`.
 */
export interface OidcSignIn {
  providers(): readonly AuthProvider[];
  start(provider: string, intent: OidcFlowIntent): Promise<{ readonly redirectUrl: string }>;
  complete(
    provider: string,
    callbackUrl: URL,
  ): Promise<{ readonly claims: ExternalClaims; readonly intent: OidcFlowIntent }>;
  /** The intent of a callback's state, for redirecting an error back to its console; null if unknown. */
  peekIntent(state: string): Promise<OidcFlowIntent | null>;
}
export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');
