import { type IdentityArea } from '../../identity-area';
import { RATE_LIMITER } from '../../ports/rate-limit.port';
import { IdentityRedis } from './identity-redis.provider';
import { RedisRateLimiter } from './redis-rate-limiter.service';

/** Redis rate limits with progressive delay; also provides the context's Redis connection. */
export const rateLimitArea: IdentityArea = {
  providers: [
    IdentityRedis,
    {
      provide: RATE_LIMITER,
      useFactory: (redis: IdentityRedis) => new RedisRateLimiter(redis),
      inject: [IdentityRedis],
    },
  ],
};
