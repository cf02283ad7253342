import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The version tag of sealed values: `pd1:<iv b64url>:<ciphertext+tag b64url>`. */
export const SEALED_VALUE_PREFIX = 'pd1';

/** Bytes of a subject's data key (AES-256). */
export const DATA_KEY_BYTES = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_INFO = 'bandstand personal data';
// A wrapped key: format version, IV, the encrypted data key and the GCM tag (61 bytes).
const WRAPPED_KEY_VERSION = 1;
/** Bytes of a wrapped data key as stored in `identity.subject_keys.wrapped_key`. */
export const WRAPPED_KEY_BYTES = 1 + IV_BYTES + DATA_KEY_BYTES + TAG_BYTES;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A sealed value that cannot be opened: malformed, tampered with, or sealed under another subject or key. */
export class SealedValueInvalid extends Error {
  constructor(subjectId: string, reason: string) {
    super(`A sealed personal value of subject ${subjectId} cannot be opened: ${reason}`);
    this.name = new.target.name;
  }
}

/** The key-encryption key: HKDF-SHA256 of PERSONAL_DATA_KEY, info "bandstand personal data". */
export function keyEncryptionKey(masterKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(masterKey, 'utf8'), Buffer.alloc(0), HKDF_INFO, 32));
}

function encrypt(key: Buffer, aad: Buffer, plaintext: Buffer): { iv: Buffer; body: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, body };
}

// Throws when the tag does not match: tampered, or another key or AAD.
function decrypt(key: Buffer, aad: Buffer, iv: Buffer, body: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
}

/** Encrypts a data key under the key-encryption key, bound to its subject (AAD). */
export function wrapDataKey(kek: Buffer, dataKey: Buffer, subjectId: string): Buffer {
  const { iv, body } = encrypt(kek, Buffer.from(subjectId, 'utf8'), dataKey);
  return Buffer.concat([Buffer.of(WRAPPED_KEY_VERSION), iv, body]);
}

/** The data key inside a wrapped key; throws when it was wrapped for another subject or under another master key. */
export function unwrapDataKey(kek: Buffer, wrapped: Buffer, subjectId: string): Buffer {
  if (wrapped.length !== WRAPPED_KEY_BYTES || wrapped[0] !== WRAPPED_KEY_VERSION) {
    throw new SealedValueInvalid(subjectId, 'its stored key is not in a known format');
  }
  try {
    return decrypt(
      kek,
      Buffer.from(subjectId, 'utf8'),
      wrapped.subarray(1, 1 + IV_BYTES),
      wrapped.subarray(1 + IV_BYTES),
    );
  } catch {
    throw new SealedValueInvalid(subjectId, 'its stored key does not open under PERSONAL_DATA_KEY');
  }
}

/** AES-256-GCM under the subject's data key, AAD = the subject id: `pd1:<iv>:<ciphertext+tag>`. */
export function sealValue(dataKey: Buffer, subjectId: string, plaintext: string): string {
  const { iv, body } = encrypt(dataKey, Buffer.from(subjectId, 'utf8'), Buffer.from(plaintext, 'utf8'));
  return `${SEALED_VALUE_PREFIX}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/** Whether a value has the shape of a sealed value (not whether it opens). */
export function isSealedValue(value: string): boolean {
  return parseSealed(value) !== null;
}

function parseSealed(sealed: string): { iv: Buffer; body: Buffer } | null {
  const parts = sealed.split(':');
  if (parts.length !== 3 || parts[0] !== SEALED_VALUE_PREFIX) return null;
  const [, ivText = '', bodyText = ''] = parts;
  if (!BASE64URL.test(ivText) || !BASE64URL.test(bodyText)) return null;
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return null;
  if (iv.toString('base64url') !== ivText || body.toString('base64url') !== bodyText) return null;
  return { iv, body };
}

/** The plaintext of a sealed value; throws {@link SealedValueInvalid} for anything that does not open. */
export function openValue(dataKey: Buffer, subjectId: string, sealed: string): string {
  const parsed = parseSealed(sealed);
  if (!parsed) throw new SealedValueInvalid(subjectId, `it is not a ${SEALED_VALUE_PREFIX} value`);
  let plaintext: Buffer;
  try {
    plaintext = decrypt(dataKey, Buffer.from(subjectId, 'utf8'), parsed.iv, parsed.body);
  } catch {
    throw new SealedValueInvalid(subjectId, 'it was tampered with or sealed under another subject');
  }
  return plaintext.toString('utf8');
}
