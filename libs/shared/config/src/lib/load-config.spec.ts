import { Test } from '@nestjs/testing';
import { ConfigError, loadConfig } from './load-config';
import { apiConfigSchema, workerConfigSchema } from './schemas';
import { APP_CONFIG, ConfigModule } from './config.module';

describe('loadConfig', () => {
  it('fills defaults for a machine with local PostgreSQL and Redis', () => {
    const config = loadConfig(apiConfigSchema, {});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/bandstand');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379/0');
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('trusts forwarded headers only when told to', () => {
    expect(loadConfig(apiConfigSchema, {}).TRUST_PROXY).toBe(false);
    expect(loadConfig(apiConfigSchema, { TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => loadConfig(apiConfigSchema, { TRUST_PROXY: 'yes' })).toThrow(ConfigError);
  });

  it('coerces numbers and lists from strings', () => {
    const config = loadConfig(apiConfigSchema, {
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names the variable whose value has the wrong type', () => {
    expect(() => loadConfig(apiConfigSchema, { PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig(apiConfigSchema, { PORT: 'eighty' });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]?.variable).toBe('PORT');
      expect(problems[0]?.message).toContain('"eighty"');
    }
  });

  it('reports every wrong variable at once', () => {
    const error = captureError(() =>
      loadConfig(workerConfigSchema, {
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'nope',
        WORKER_CONCURRENCY: '0',
      }),
    );
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'REDIS_URL',
      'WORKER_CONCURRENCY',
    ]);
  });

  it('never echoes the value of a secret-looking variable', () => {
    const schema = apiConfigSchema.extend({ SIGNING_KEY: apiConfigSchema.shape.PORT });
    const error = captureError(() => loadConfig(schema, { SIGNING_KEY: 'hunter2' }));
    expect(error.message).not.toContain('hunter2');
    expect(error.problems[0]?.variable).toBe('SIGNING_KEY');
  });

  it('never echoes the credentials inside a connection URL', () => {
    const error = captureError(() =>
      loadConfig(apiConfigSchema, {
        DATABASE_URL: 'postgress://app:s3cret@db.internal:5432/x',
        REDIS_URL: 'redis//:t0ken@cache:6379',
      }),
    );
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'REDIS_URL']);
    expect(error.message).not.toMatch(/s3cret|t0ken|app:/);
    expect(error.message).toContain('"postgress://***@db.internal:5432/x"');
  });

  it('is provided as one frozen object through the Nest module', async () => {
    const config = loadConfig(apiConfigSchema, { PORT: '4000' });
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config)] }).compile();
    const provided = moduleRef.get<typeof config>(APP_CONFIG);
    expect(provided.PORT).toBe(4000);
    expect(Object.isFrozen(provided)).toBe(true);
  });
});

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
