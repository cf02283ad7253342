import fc from 'fast-check';
import { IdempotencyKeyInvalid } from './idempotency.errors';
import { idempotencyKeyOf, requestFingerprint } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it('is undefined without the header', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
  });

  it.each([
    ['a UUID', '8e0c6a5e-4f7b-4b8e-9a53-1f0c2f1a9d11'],
    ['one character', 'k'],
    ['255 characters', 'k'.repeat(255)],
    ['every visible ASCII character', '!"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~'],
  ])('accepts %s', (_, key) => {
    expect(idempotencyKeyOf(key)).toBe(key);
  });

  it.each([
    ['an empty value', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'two words'],
    ['a repeated header joined by Node', 'a, b'],
    ['a tab', 'a\tb'],
    ['non-ASCII text', 'clé'],
  ])('rejects %s with a field error on Idempotency-Key', (_, key) => {
    let thrown: unknown;
    try {
      idempotencyKeyOf(key);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IdempotencyKeyInvalid);
    expect(thrown).toMatchObject({
      code: 'KERNEL.IDEMPOTENCY_KEY_INVALID',
      status: 400,
      field: 'Idempotency-Key',
    });
  });

  it('rejects a header given as a list', () => {
    expect(() => idempotencyKeyOf(['a', 'b'])).toThrow(IdempotencyKeyInvalid);
  });
});

describe('requestFingerprint', () => {
  const request = { method: 'POST', url: '/api/v1/payouts/p-1', body: { amount: 100, currency: 'EUR' } };

  it('is the same whatever order the body keys come in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (body) => {
        const reversed = Object.fromEntries(Object.entries(body).reverse());
        expect(requestFingerprint({ ...request, body: reversed })).toEqual(
          requestFingerprint({ ...request, body }),
        );
      }),
    );
  });

  it('differs for another method, path, query or body', () => {
    const base = requestFingerprint(request);
    expect(requestFingerprint({ ...request, method: 'PUT' })).not.toEqual(base);
    expect(requestFingerprint({ ...request, url: '/api/v1/payouts/p-2' })).not.toEqual(base);
    expect(requestFingerprint({ ...request, url: '/api/v1/payouts/p-1?dryRun=true' })).not.toEqual(base);
    expect(requestFingerprint({ ...request, body: { amount: 101, currency: 'EUR' } })).not.toEqual(base);
  });

  it('treats a missing body as null and is 32 bytes long', () => {
    expect(requestFingerprint({ ...request, body: undefined })).toEqual(
      requestFingerprint({ ...request, body: null }),
    );
    expect(requestFingerprint(request)).toHaveLength(32);
  });
});
