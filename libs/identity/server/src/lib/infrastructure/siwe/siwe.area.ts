import { type ApiConfig, APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { type IdentityArea } from '../../identity-area';
import { SIWE_VERIFIER } from '../../ports/siwe.port';
import { IdentityRedis } from '../rate-limit/identity-redis.provider';
import { SiweNonceStore } from './siwe-nonce.store';
import { SiweService } from './siwe.service';

/**
 * Sign-In with Ethereum (EIP-4361) nonces and verification. Harmless in the worker: its config
 * has no PUBLIC_URL, so the service refuses to be used there, and its Redis connection opens only
 * on first use.
 */
export const siweArea: IdentityArea = {
  providers: [
    {
      provide: SIWE_VERIFIER,
      useFactory: (config: CommonConfig & Partial<Pick<ApiConfig, 'PUBLIC_URL'>>, redis: IdentityRedis) =>
        new SiweService(new SiweNonceStore(redis), {
          publicUrl: config.PUBLIC_URL,
          chainIds: config.AUTH_SIWE_CHAIN_IDS,
        }),
      inject: [APP_CONFIG, IdentityRedis],
    },
  ],
};
