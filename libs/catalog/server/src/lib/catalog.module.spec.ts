import { CatalogModule } from './catalog.module';
import { catalogPersistence } from './infrastructure/catalog.persistence';

describe('CatalogModule', () => {
  it('mounts its controllers in the api only, and the same providers in both processes', () => {
    const api = CatalogModule.forRoot('api');
    const worker = CatalogModule.forRoot('worker');
    expect(api.controllers?.length).toBeGreaterThan(8);
    expect(worker.controllers).toEqual([]);
    expect(worker.providers).toEqual(api.providers);
  });

  it('owns the catalog schema, its migrations in order and uniquely named', () => {
    expect(catalogPersistence.schema).toBe('catalog');
    const names = catalogPersistence.migrations.map((migration) => migration.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('Migration20261122000100_create_catalog_releases');
  });
});
