import { APP_CONFIG } from '@bandstand/shared/config';
import { type IdentityArea } from '../../identity-area';
import { OIDC_SIGN_IN } from '../../ports/oidc.port';
import { OpenIdSignIn } from './openid-sign-in.adapter';
import { type OidcConfig, oidcSettingsFrom } from './oidc.settings';

/** OAuth/OIDC sign-in through openid-client. */
export const oidcArea: IdentityArea = {
  providers: [
    {
      provide: OIDC_SIGN_IN,
      useFactory: (config: OidcConfig) => new OpenIdSignIn(oidcSettingsFrom(config)),
      inject: [APP_CONFIG],
    },
  ],
};
