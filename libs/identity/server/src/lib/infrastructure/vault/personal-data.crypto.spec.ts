import { randomBytes } from 'node:crypto';
import {
  isSealedValue,
  keyEncryptionKey,
  openValue,
  SealedValueInvalid,
  sealValue,
  unwrapDataKey,
  WRAPPED_KEY_BYTES,
  wrapDataKey,
} from './personal-data.crypto';

describe('personal-data crypto', () => {
  it('derives the key-encryption key with HKDF-SHA256 (info "bandstand personal data")', () => {
    const kek = keyEncryptionKey('master-key-for-the-spec-0123456789abcdef');
    expect(kek).toHaveLength(32);
    expect(kek.equals(keyEncryptionKey('master-key-for-the-spec-0123456789abcdef'))).toBe(true);
    expect(kek.equals(keyEncryptionKey('master-key-for-the-spec-0123456789abcdeF'))).toBe(false);
  });

  it('wraps a data key for one subject only', () => {
    const kek = keyEncryptionKey('master-key-for-the-spec-0123456789abcdef');
    const dataKey = randomBytes(32);
    const wrapped = wrapDataKey(kek, dataKey, 'user-1');
    expect(wrapped).toHaveLength(WRAPPED_KEY_BYTES);
    expect(unwrapDataKey(kek, wrapped, 'user-1').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(kek, wrapped, 'user-2')).toThrow(SealedValueInvalid);
    expect(() => unwrapDataKey(keyEncryptionKey('x'.repeat(40)), wrapped, 'user-1')).toThrow(
      SealedValueInvalid,
    );
  });

  it('seals as pd1:<iv>:<ciphertext+tag> in base64url and opens only for the same subject', () => {
    const dataKey = randomBytes(32);
    const sealed = sealValue(dataKey, 'user-1', 'ann@example.org');
    const [prefix, iv = '', body = ''] = sealed.split(':');
    expect(prefix).toBe('pd1');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(body, 'base64url')).toHaveLength('ann@example.org'.length + 16);
    expect(isSealedValue(sealed)).toBe(true);
    expect(isSealedValue('ann@example.org')).toBe(false);
    expect(openValue(dataKey, 'user-1', sealed)).toBe('ann@example.org');
    expect(() => openValue(dataKey, 'user-2', sealed)).toThrow(SealedValueInvalid);
  });
});
