import { type Route } from '@angular/router';
import { signedInGuard, staffGuard } from './data/auth.guards';
import { type IdentityConfig } from './identity.config';

/**
 * The identity pages a console mounts under its base: sign-in and its recovery everywhere,
 * sign-up and e-mail verification in the fan and creator consoles, invitation links in the
 * creator console. Each page is its own lazy chunk; a string title is completed by the console.
 */
export function identityRoutes(config: IdentityConfig): Route[] {
  const signUp = config.console !== 'staff';
  return [
    {
      path: 'sign-in',
      pathMatch: 'full',
      title: 'Sign in',
      loadComponent: () =>
        import('./pages/sign-in/sign-in.page').then((module) => module.SignInPageComponent),
    },
    ...(signUp
      ? [
          {
            path: 'sign-up',
            pathMatch: 'full',
            title: 'Create your account',
            loadComponent: () =>
              import('./pages/sign-up/sign-up.page').then((module) => module.SignUpPageComponent),
          } satisfies Route,
          {
            path: 'verify-email',
            pathMatch: 'full',
            title: 'Verify your e-mail',
            loadComponent: () =>
              import('./pages/verify-email/verify-email.page').then(
                (module) => module.VerifyEmailPageComponent,
              ),
          } satisfies Route,
        ]
      : []),
    {
      path: 'reset-password',
      pathMatch: 'full',
      title: 'Reset your password',
      loadComponent: () =>
        import('./pages/reset-password/reset-password.page').then(
          (module) => module.ResetPasswordPageComponent,
        ),
    },
    {
      path: 'auth/complete',
      pathMatch: 'full',
      title: 'Signing you in',
      loadComponent: () =>
        import('./pages/auth-complete/auth-complete.page').then((module) => module.AuthCompletePageComponent),
    },
    {
      path: 'account',
      pathMatch: 'full',
      title: 'Account',
      canActivate: [config.access === 'staff' ? staffGuard : signedInGuard],
      loadComponent: () =>
        import('./pages/account/account.page').then((module) => module.AccountPageComponent),
    },
    ...(config.console === 'creator'
      ? [
          {
            path: 'invitations/accept',
            pathMatch: 'full',
            title: 'Invitation',
            loadComponent: () =>
              import('./pages/invitation/invitation-accept.page').then(
                (module) => module.InvitationAcceptPageComponent,
              ),
          } satisfies Route,
        ]
      : []),
  ];
}
