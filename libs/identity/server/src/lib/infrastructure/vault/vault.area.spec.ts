import { commonConfigSchema, DEVELOPMENT_PERSONAL_DATA_KEY } from '@bandstand/shared/config';
import { personalDataKey } from './vault.area';

describe('personalDataKey', () => {
  it('refuses the development key in production, naming the variable', () => {
    const config = commonConfigSchema.parse({ NODE_ENV: 'production' });
    expect(config.PERSONAL_DATA_KEY).toBe(DEVELOPMENT_PERSONAL_DATA_KEY);
    expect(() => personalDataKey(config)).toThrow(/PERSONAL_DATA_KEY must be set .* in production/);
  });

  it('takes a real key in production and the development default elsewhere', () => {
    const key = 'a-production-personal-data-key-0123456789';
    expect(
      personalDataKey(commonConfigSchema.parse({ NODE_ENV: 'production', PERSONAL_DATA_KEY: key })),
    ).toBe(key);
    expect(personalDataKey(commonConfigSchema.parse({ NODE_ENV: 'development' }))).toBe(
      DEVELOPMENT_PERSONAL_DATA_KEY,
    );
    expect(personalDataKey(commonConfigSchema.parse({ NODE_ENV: 'test' }))).toBe(
      DEVELOPMENT_PERSONAL_DATA_KEY,
    );
  });
});
