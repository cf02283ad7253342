import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
  type Type,
} from '@angular/core';
import { type ConsoleFeature } from '@bandstand/shared/web-platform';
import { accessGuards } from './data/auth.guards';
import { authInterceptor } from './data/auth.interceptor';
import { AuthStore } from './data/auth.store';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config';
import { identityRoutes } from './identity.routes';

/**
 * Identity in a console: its configuration, and the session restored from the refresh cookie as
 * the console starts (without holding the first page back: guards wait for it instead).
 */
export function provideIdentity(config: IdentityConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: IDENTITY_CONFIG, useValue: config },
    provideAppInitializer(() => {
      void inject(AuthStore).restore();
    }),
  ]);
}

/**
 * Everything identity adds to a console (`provideConsole(definition, withIdentity(config))`): its
 * pages, the guard of the sections for the console's access level, the bearer token on the api's
 * requests, and {@link provideIdentity}.
 */
export function withIdentity(config: IdentityConfig): ConsoleFeature {
  return {
    routes: identityRoutes(config),
    sectionGuards: accessGuards(config.access),
    interceptors: [authInterceptor],
    providers: [provideIdentity(config)],
  };
}

/** The team page of the creator console, as a lazily loaded section view. */
export function loadTeamView(): Promise<Type<unknown>> {
  return import('./pages/team/team.view').then((module) => module.TeamViewComponent);
}

/** The staff console's user administration, as a lazily loaded section view. */
export function loadStaffUsersView(): Promise<Type<unknown>> {
  return import('./pages/staff-users/staff-users.view').then((module) => module.StaffUsersViewComponent);
}

/** The staff console's approvals, as a lazily loaded section view. */
export function loadApprovalsView(): Promise<Type<unknown>> {
  return import('./pages/approvals/approvals.view').then((module) => module.ApprovalsViewComponent);
}
