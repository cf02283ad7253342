/** The cost parameters of an argon2id hash. */
export interface Argon2idParameters {
  /** Memory in KiB. */
  readonly memoryKiB: number;
  readonly passes: number;
  readonly parallelism: number;
}

/** An argon2id hash as stored: parameters, salt and tag (RFC 9106, version 0x13). */
export interface Argon2idHash extends Argon2idParameters {
  readonly salt: Buffer;
  readonly tag: Buffer;
}

/** Argon2 version 1.3 (0x13), the only one Node's crypto.argon2 computes. */
export const ARGON2_VERSION = 19;

// Bounds on what a stored hash may ask for: a row changed by someone who cannot read passwords must
// not make sign-in allocate gigabytes or loop for minutes.
const LIMITS = {
  memoryKiB: { min: 8, max: 262_144 },
  passes: { min: 1, max: 16 },
  parallelism: { min: 1, max: 16 },
  saltBytes: { min: 8, max: 64 },
  tagBytes: { min: 16, max: 64 },
} as const;

const PHC =
  /^\$argon2id\$v=(\d{1,3})\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function within(value: number, bounds: { readonly min: number; readonly max: number }): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** Standard base64 without padding, as the PHC string format writes it. */
export function phcBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}

// Buffer.from(…, 'base64') skips what it cannot read; a value that does not encode back is not ours.
function strictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return phcBase64(bytes) === text ? bytes : null;
}

/** `$argon2id$v=19$m=…,t=…,p=…$<salt>$<tag>`. */
export function formatArgon2idPhc(hash: Argon2idHash): string {
  return `$argon2id$v=${ARGON2_VERSION}$m=${hash.memoryKiB},t=${hash.passes},p=${hash.parallelism}$${phcBase64(hash.salt)}$${phcBase64(hash.tag)}`;
}

/**
 * Reads an argon2id PHC string; null when it is something else (another algorithm or version,
 * malformed base64, parameters outside sane bounds).
 */
export function parseArgon2idPhc(phc: string): Argon2idHash | null {
  const match = PHC.exec(phc);
  if (!match) return null;
  const [, version, memory, passes, parallelism, saltText, tagText] = match;
  if (Number(version) !== ARGON2_VERSION || saltText === undefined || tagText === undefined) return null;
  const parameters = { memoryKiB: Number(memory), passes: Number(passes), parallelism: Number(parallelism) };
  if (
    !within(parameters.memoryKiB, LIMITS.memoryKiB) ||
    !within(parameters.passes, LIMITS.passes) ||
    !within(parameters.parallelism, LIMITS.parallelism) ||
    parameters.memoryKiB < 8 * parameters.parallelism
  ) {
    return null;
  }
  const salt = strictBase64(saltText);
  const tag = strictBase64(tagText);
  if (!salt || !tag || !within(salt.length, LIMITS.saltBytes) || !within(tag.length, LIMITS.tagBytes))
    return null;
  return { ...parameters, salt, tag };
}
