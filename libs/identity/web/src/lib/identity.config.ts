import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';
import { type ConsoleName } from '@bandstand/identity/contracts';

/** Who may open a console's sections: anyone, signed-in users, or platform staff only. */
export type ConsoleAccess = 'public' | 'signed-in' | 'staff';

/** How identity is set up in one console. */
export interface IdentityConfig {
  /** The console this is; e-mail links and OIDC redirects lead back to it. */
  readonly console: ConsoleName;
  /** Who may open the console's sections. */
  readonly access: ConsoleAccess;
}

/** The identity configuration of the running console (see `provideIdentity`). */
export const IDENTITY_CONFIG = new InjectionToken<IdentityConfig>('IDENTITY_CONFIG');

/**
 * Where identity keeps the little it remembers across reloads and tabs: whether a session may be
 * restored, and where to return after an OIDC round trip or an e-mail link. Never a token: the
 * access token lives in memory and the refresh token in an httpOnly cookie. Null when the browser
 * refuses storage (some privacy modes throw on access).
 */
export const IDENTITY_STORAGE = new InjectionToken<Storage | null>('IDENTITY_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return inject(DOCUMENT).defaultView?.localStorage ?? null;
    } catch {
      return null;
    }
  },
});

/** Set while this browser holds a session, so that anonymous visitors never ask for a refresh. */
export const SESSION_HINT_KEY = 'bandstand.session';
/** Where to go once a sign-in that leaves the console (OIDC, an e-mail link) comes back. */
export const RETURN_URL_KEY = 'bandstand.return-url';
