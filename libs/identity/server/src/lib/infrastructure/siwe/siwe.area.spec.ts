import { ConfigModule, workerConfigSchema } from '@bandstand/shared/config';
import { Test } from '@nestjs/testing';
import { SIWE_VERIFIER, type SiweVerifier } from '../../ports/siwe.port';
import { IdentityRedis } from '../rate-limit/identity-redis.provider';
import { rateLimitArea } from '../rate-limit/rate-limit.area';
import { siweArea } from './siwe.area';

describe('siweArea in the worker', () => {
  it('starts without PUBLIC_URL and without connecting to Redis, and refuses to be used', async () => {
    // An unreachable Redis: the worker must start anyway, since nothing there uses SIWE.
    const config = workerConfigSchema.parse({ REDIS_URL: 'redis://127.0.0.1:1/0' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config)],
      providers: [...rateLimitArea.providers, ...siweArea.providers],
    }).compile();
    await moduleRef.init();
    const siwe = moduleRef.get<SiweVerifier>(SIWE_VERIFIER);
    await expect(siwe.challenge('sign-in')).rejects.toThrow(/PUBLIC_URL/);
    await expect(siwe.verify({ message: 'x', signature: '0x' }, 'link')).rejects.toThrow(/PUBLIC_URL/);
    expect(moduleRef.get(IdentityRedis).opened).toBe(false);
    await moduleRef.close();
  });
});
