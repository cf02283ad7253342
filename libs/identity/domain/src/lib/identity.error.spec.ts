import { DomainError } from '@bandstand/shared/contracts';
import { IdentityError } from './identity.error';

describe('IdentityError', () => {
  it('is a DomainError, so the api maps it to problem+json with its code, status and field', () => {
    const error = new IdentityError('IDENTITY.EXAMPLE', 'Example rule broken', {
      status: 409,
      field: 'example',
    });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'IDENTITY.EXAMPLE',
      status: 409,
      field: 'example',
      name: 'IdentityError',
    });
  });
});
