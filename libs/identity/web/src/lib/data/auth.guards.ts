import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { staffRolesAllow } from '@bandstand/shared/contracts';
import { type ConsoleAccess } from '../identity.config';
import { AuthStore } from './auth.store';

function signInFirst(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
}

/** Opens the page for a signed-in user; sends anyone else to sign in and back. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.restore();
  return store.user() === null ? signInFirst(router, state.url) : true;
};

/**
 * Opens the page for platform staff. Anyone signed in without a staff role is signed out and
 * told that the console is for staff only.
 */
export const staffGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.restore();
  const user = store.user();
  if (user === null) return signInFirst(router, state.url);
  if (staffRolesAllow(user.staffRoles, 'staff.console')) return true;
  await store.signOut();
  return router.createUrlTree(['/sign-in'], { queryParams: { error: IDENTITY_ERROR_CODES.staffOnly } });
};

/** The guards a console's sections pass for its access level. */
export function accessGuards(access: ConsoleAccess): CanActivateFn[] {
  switch (access) {
    case 'public':
      return [];
    case 'signed-in':
      return [signedInGuard];
    case 'staff':
      return [staffGuard];
  }
}
