import { DomainError, type DomainErrorOptions } from '@bandstand/shared/contracts';
import { type CatalogErrorCode } from '@bandstand/catalog/contracts';

/** A rule of the catalog domain was broken; the api answers with its `code` and `status` as problem+json. */
export class CatalogError extends DomainError {
  constructor(code: CatalogErrorCode, message: string, options?: DomainErrorOptions) {
    super(code, message, options);
  }
}
