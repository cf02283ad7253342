import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { type PasswordHasher } from '../../ports/passwords.port';
import { type Argon2idParameters, formatArgon2idPhc, parseArgon2idPhc } from './phc-string';

/**
 * Today's cost: OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane), about 60 ms on one core of
 * the reference machine. Raising any of these makes {@link Argon2idPasswordHasher.needsRehash}
 * answer true for older hashes, which are then re-hashed at the next sign-in.
 */
export const ARGON2ID_PARAMETERS: Argon2idParameters = { memoryKiB: 19_456, passes: 2, parallelism: 1 };

const SALT_BYTES = 16;
const TAG_BYTES = 32;

/** Passwords are compared as NFKC, so that the same password typed on another keyboard or OS matches. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Runs argon2id through Node's built-in implementation (libuv thread pool, no native addon). */
export function argon2id(
  message: string | Buffer,
  salt: Buffer,
  parameters: Argon2idParameters,
  tagLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2(
      'argon2id',
      {
        message,
        nonce: salt,
        memory: parameters.memoryKiB,
        passes: parameters.passes,
        parallelism: parameters.parallelism,
        tagLength,
      },
      (error, derivedKey) => {
        if (error) reject(error);
        else resolve(derivedKey);
      },
    );
  });
}

/** {@link PasswordHasher} with argon2id, PHC strings and constant-time comparison. */
export class Argon2idPasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: Argon2idParameters = ARGON2ID_PARAMETERS) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const tag = await argon2id(normalisePassword(password), salt, this.parameters, TAG_BYTES);
    return formatArgon2idPhc({ ...this.parameters, salt, tag });
  }

  /** False for a wrong password and for anything that is not a well-formed argon2id PHC string. */
  async verify(phcHash: string, password: string): Promise<boolean> {
    const stored = parseArgon2idPhc(phcHash);
    if (!stored) return false;
    const tag = await argon2id(normalisePassword(password), stored.salt, stored, stored.tag.length);
    return timingSafeEqual(tag, stored.tag);
  }

  needsRehash(phcHash: string): boolean {
    const stored = parseArgon2idPhc(phcHash);
    if (!stored) return true;
    return (
      stored.memoryKiB < this.parameters.memoryKiB ||
      stored.passes < this.parameters.passes ||
      stored.salt.length < SALT_BYTES ||
      stored.tag.length < TAG_BYTES
    );
  }
}
