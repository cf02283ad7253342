import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { type IdentityArea } from '../../identity-area';
import { ACCESS_TOKENS } from '../../ports/tokens.port';
import { accessTokenSecret, JwtAccessTokens } from './jwt-access-tokens.service';

/** Access tokens (JWT) and refresh-token helpers. */
export const tokensArea: IdentityArea = {
  providers: [
    {
      provide: ACCESS_TOKENS,
      // Built at start, so that a production process with the development secret refuses to start.
      useFactory: (config: CommonConfig) =>
        new JwtAccessTokens({
          secret: accessTokenSecret(config),
          ttlSeconds: config.AUTH_ACCESS_TOKEN_TTL_SECONDS,
        }),
      inject: [APP_CONFIG],
    },
  ],
};
