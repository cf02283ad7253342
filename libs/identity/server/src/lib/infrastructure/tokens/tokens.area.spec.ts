import { apiConfigSchema, ConfigModule, DEVELOPMENT_AUTH_TOKEN_SECRET } from '@bandstand/shared/config';
import { Test } from '@nestjs/testing';
import { ACCESS_TOKENS, type AccessTokens } from '../../ports/tokens.port';
import { JwtAccessTokens } from './jwt-access-tokens.service';
import { tokensArea } from './tokens.area';

const compile = (env: Record<string, string>) =>
  Test.createTestingModule({
    imports: [ConfigModule.forRoot(apiConfigSchema.parse(env))],
    providers: [...tokensArea.providers],
  }).compile();

describe('tokensArea', () => {
  it('provides ACCESS_TOKENS as JWTs under AUTH_TOKEN_SECRET', async () => {
    const moduleRef = await compile({ NODE_ENV: 'development' });
    const tokens = moduleRef.get<AccessTokens>(ACCESS_TOKENS);
    expect(tokens).toBeInstanceOf(JwtAccessTokens);
    const { token } = await tokens.issue({ userId: 'u', sessionId: 's' });
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 'u', sessionId: 's' });
  });

  it('refuses to start in production with the development secret', async () => {
    await expect(
      compile({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: DEVELOPMENT_AUTH_TOKEN_SECRET }),
    ).rejects.toThrow(/AUTH_TOKEN_SECRET must be set/);
    await expect(
      compile({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'a-production-secret-of-at-least-32-chars' }),
    ).resolves.toBeDefined();
  });
});
