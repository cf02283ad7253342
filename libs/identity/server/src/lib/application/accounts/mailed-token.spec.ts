import { createHash } from 'node:crypto';
import { mailedTokenHash, newMailedToken } from './mailed-token';

describe('mailed tokens', () => {
  it('are 32 random bytes in base64url, kept only as their sha256 hex', () => {
    const { token, hash } = newMailedToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(mailedTokenHash(token)).toBe(hash);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newMailedToken().token));
    expect(tokens.size).toBe(100);
  });
});
