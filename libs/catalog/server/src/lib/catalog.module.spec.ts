import { Test } from '@nestjs/testing';
import { CatalogModule } from './catalog.module';
import { catalogPersistence } from './infrastructure/catalog.persistence';

describe('CatalogModule', () => {
  it('compiles as a Nest module', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CatalogModule] }).compile();
    expect(moduleRef.get(CatalogModule)).toBeInstanceOf(CatalogModule);
  });

  it('owns a schema named after the context', () => {
    expect(catalogPersistence.schema).toBe('catalog');
  });
});
