import { inject, Injectable } from '@angular/core';
import { IDENTITY_STORAGE, RETURN_URL_KEY } from '../identity.config';

/** Pages of the sign-in flow itself: returning to one of them after signing in would loop. */
const FLOW_PAGES: readonly string[] = [
  '/sign-in',
  '/sign-up',
  '/verify-email',
  '/reset-password',
  '/auth/complete',
];

/**
 * The in-console path to go to after signing in, or null when `value` is not one: only a path of
 * this console (never another origin, `//host` or `/\host`) and never a page of the sign-in flow.
 */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return null;
  }
  const path = value.split(/[?#]/, 1)[0] ?? value;
  return FLOW_PAGES.includes(path) ? null : value;
}

/**
 * Remembers where to return across a sign-in that leaves the page: the OIDC provider's round
 * trip, or the verification link of a new account opened from the mailbox (often in a new tab).
 */
@Injectable({ providedIn: 'root' })
export class ReturnUrlStore {
  private readonly storage = inject(IDENTITY_STORAGE);

  /** Keeps `url` if it is a safe return path; forgets any earlier one otherwise. */
  remember(url: string | null | undefined): void {
    const safe = safeReturnUrl(url);
    if (safe === null) this.storage?.removeItem(RETURN_URL_KEY);
    else this.storage?.setItem(RETURN_URL_KEY, safe);
  }

  /** The remembered path (once: it is forgotten), or null. */
  take(): string | null {
    const url = safeReturnUrl(this.storage?.getItem(RETURN_URL_KEY));
    this.storage?.removeItem(RETURN_URL_KEY);
    return url;
  }
}
