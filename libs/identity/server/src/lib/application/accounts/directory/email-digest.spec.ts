import { createHmac } from 'node:crypto';
import { emailDigest, normaliseEmail } from './email-digest';

const KEY = 'a-personal-data-key-of-at-least-32-characters';

describe('emailDigest', () => {
  it('is the HMAC-SHA256 hex of the lower-cased, trimmed address under the key', () => {
    const expected = createHmac('sha256', KEY).update('ana@example.com').digest('hex');
    expect(emailDigest(KEY, '  Ana@Example.COM ')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs between addresses and between keys', () => {
    expect(emailDigest(KEY, 'ana@example.com')).not.toBe(emailDigest(KEY, 'bo@example.com'));
    expect(emailDigest(KEY, 'ana@example.com')).not.toBe(emailDigest(`${KEY}-other`, 'ana@example.com'));
  });

  it('normalises case and surrounding spaces only', () => {
    expect(normaliseEmail(' Ana.B+x@Example.com ')).toBe('ana.b+x@example.com');
  });
});
