import { Test } from '@nestjs/testing';
import { IdentityModule } from './identity.module';
import { identityPersistence } from './infrastructure/identity.persistence';

describe('IdentityModule', () => {
  it('compiles as a Nest module', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [IdentityModule] }).compile();
    expect(moduleRef.get(IdentityModule)).toBeInstanceOf(IdentityModule);
  });

  it('owns a schema named after the context', () => {
    expect(identityPersistence.schema).toBe('identity');
  });
});
