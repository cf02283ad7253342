import { pathOf } from './problem';
import { correlationIdFromRequest } from './request-hooks';
import { allowedOrigins } from './http-app';

describe('correlationIdFromRequest', () => {
  it('adopts a well-formed id offered by the caller', () => {
    expect(correlationIdFromRequest({ headers: { 'x-correlation-id': 'checkout-12' } })).toBe('checkout-12');
  });

  it.each([undefined, '', 'has space', 'x'.repeat(200)])('generates a UUID instead of %p', (offered) => {
    const id = correlationIdFromRequest({
      headers: offered === undefined ? {} : { 'x-correlation-id': offered },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('generates a UUID when the header is repeated', () => {
    const id = correlationIdFromRequest({ headers: { 'x-correlation-id': ['a', 'b'] } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('allowedOrigins', () => {
  it('is the origin of PUBLIC_URL plus the configured origins, normalised', () => {
    const origins = allowedOrigins({
      PUBLIC_URL: 'https://bandstand.example.org/app/',
      CORS_ORIGINS: ['https://partner.example/', 'http://localhost:4200'],
    });
    expect([...origins].sort()).toEqual([
      'http://localhost:4200',
      'https://bandstand.example.org',
      'https://partner.example',
    ]);
  });
});

describe('pathOf', () => {
  it.each([
    ['/api/v1/releases?token=secret&page=2', '/api/v1/releases'],
    ['/api/v1/releases?', '/api/v1/releases'],
    ['/api/v1/releases', '/api/v1/releases'],
    ['/fan/?a=1?b=2', '/fan/'],
  ])('reduces %p to %p', (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});
