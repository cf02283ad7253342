import { DomainError, type DomainErrorOptions } from '@bandstand/shared/contracts';
import { type IdentityErrorCode } from '@bandstand/identity/contracts';

/** A rule of the identity domain was broken; the api answers with its `code` and `status` as problem+json. */
export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: string, options?: DomainErrorOptions) {
    super(code, message, options);
  }
}
