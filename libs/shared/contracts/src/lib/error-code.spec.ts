import { HTTP_ERROR_CODES, httpErrorCode, isErrorCode } from './error-code';

describe('error codes', () => {
  it.each(['HTTP.NOT_FOUND', 'ROYALTIES.SPLITS_NOT_100_PERCENT', 'VALIDATION.IS_NOT_EMPTY'])(
    'accepts %s',
    (code) => {
      expect(isErrorCode(code)).toBe(true);
    },
  );

  it.each(['not_found', 'HTTP', 'HTTP.', '.NOT_FOUND', 'Http.NotFound', 'HTTP.NOT-FOUND', 'A.B.C', 42, null])(
    'rejects %p',
    (value) => {
      expect(isErrorCode(value)).toBe(false);
    },
  );

  it('gives every listed HTTP status a conventional code', () => {
    for (const code of Object.values(HTTP_ERROR_CODES)) expect(isErrorCode(code)).toBe(true);
  });

  it('maps statuses to codes, with a fallback per class', () => {
    expect(httpErrorCode(404)).toBe('HTTP.NOT_FOUND');
    expect(httpErrorCode(413)).toBe('HTTP.PAYLOAD_TOO_LARGE');
    expect(httpErrorCode(415)).toBe('HTTP.UNSUPPORTED_MEDIA_TYPE');
    expect(httpErrorCode(418)).toBe('HTTP.CLIENT_ERROR');
    expect(httpErrorCode(500)).toBe('INTERNAL.UNEXPECTED');
    expect(httpErrorCode(599)).toBe('INTERNAL.UNEXPECTED');
  });
});
