import { DomainError } from '@bandstand/shared/contracts';
import { CatalogError } from './catalog.error';

describe('CatalogError', () => {
  it('is a DomainError, so the api maps it to problem+json with its code, status and field', () => {
    const error = new CatalogError('CATALOG.EXAMPLE', 'Example rule broken', {
      status: 409,
      field: 'example',
    });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CATALOG.EXAMPLE',
      status: 409,
      field: 'example',
      name: 'CatalogError',
    });
  });
});
