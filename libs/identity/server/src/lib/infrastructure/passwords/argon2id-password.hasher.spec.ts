import { argon2 } from 'node:crypto';
import { ARGON2ID_PARAMETERS, Argon2idPasswordHasher, argon2id } from './argon2id-password.hasher';
import { formatArgon2idPhc, parseArgon2idPhc } from './phc-string';

// From the reference implementation's test suite (P-H-C/phc-winner-argon2, src/test.c, Argon2id v=0x13).
const REFERENCE_PHC =
  '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
const REFERENCE_CHEAP_PHC =
  '$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4';
const CURRENT_PHC = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

function replaceTag(phc: string, tag: string): string {
  return phc.slice(0, phc.lastIndexOf('$') + 1) + tag;
}

describe('argon2id', () => {
  it('computes the RFC 9106 §5.3 test vector through Node’s built-in argon2', async () => {
    const tag = await new Promise<Buffer>((resolve, reject) => {
      argon2(
        'argon2id',
        {
          message: Buffer.alloc(32, 0x01),
          nonce: Buffer.alloc(16, 0x02),
          secret: Buffer.alloc(8, 0x03),
          associatedData: Buffer.alloc(12, 0x04),
          memory: 32,
          passes: 3,
          parallelism: 4,
          tagLength: 32,
        },
        (error, key) => (error ? reject(error) : resolve(key)),
      );
    });
    expect(tag.toString('hex')).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');
  });

  it('writes the reference implementation’s PHC string for the same input', async () => {
    const salt = Buffer.from('somesalt');
    const parameters = { memoryKiB: 65_536, passes: 2, parallelism: 1 };
    const tag = await argon2id('password', salt, parameters, 32);
    expect(formatArgon2idPhc({ ...parameters, salt, tag })).toBe(REFERENCE_PHC);
    expect(parseArgon2idPhc(REFERENCE_PHC)).toEqual({ ...parameters, salt, tag });
  });
});

describe('Argon2idPasswordHasher', () => {
  const hasher = new Argon2idPasswordHasher();

  it('verifies hashes made by the reference implementation', async () => {
    await expect(hasher.verify(REFERENCE_PHC, 'password')).resolves.toBe(true);
    await expect(hasher.verify(REFERENCE_PHC, 'sassword')).resolves.toBe(false);
    await expect(hasher.verify(REFERENCE_CHEAP_PHC, 'password')).resolves.toBe(true);
    await expect(hasher.verify(REFERENCE_CHEAP_PHC, 'Password')).resolves.toBe(false);
  });

  it('hashes with OWASP’s parameters and a fresh 16-byte salt, and verifies the result', async () => {
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');
    expect(first).toMatch(CURRENT_PHC);
    expect(second).toMatch(CURRENT_PHC);
    expect(first).not.toBe(second);
    expect(parseArgon2idPhc(first)?.salt).toHaveLength(16);
    await expect(hasher.verify(first, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(second, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(first, 'correct horse battery stapler')).resolves.toBe(false);
    await expect(hasher.verify(first, '')).resolves.toBe(false);
  });

  it('matches a password however its accents were composed (NFKC)', async () => {
    const hash = await hasher.hash('Caf\u00e9 au lait, s\u2019il vous pla\u00eet');
    await expect(hasher.verify(hash, 'Cafe\u0301 au lait, s\u2019il vous plai\u0302t')).resolves.toBe(true);
  });

  it('refuses tampered and foreign hashes', async () => {
    const hash = await hasher.hash('a long enough passphrase');
    const stored = parseArgon2idPhc(hash);
    if (!stored) throw new Error('unparseable hash');
    const flipped = Buffer.from(stored.tag);
    flipped[0] = (flipped[0] ?? 0) ^ 0x01;
    const tampered = [
      formatArgon2idPhc({ ...stored, tag: flipped }),
      replaceTag(hash, 'AAAA'),
      hash.replace('m=19456', 'm=19457'),
      hash.replace('t=2', 't=3'),
      hash.replace('$argon2id$', '$argon2i$'),
      hash.replace('v=19', 'v=16'),
      `${hash}=`,
      hash.slice(0, -2),
      '$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW',
      'not a hash',
      '',
    ];
    for (const each of tampered) {
      await expect(hasher.verify(each, 'a long enough passphrase')).resolves.toBe(false);
    }
  });

  it('asks for a re-hash of hashes weaker than today’s parameters', async () => {
    const current = await hasher.hash('a long enough passphrase');
    expect(hasher.needsRehash(current)).toBe(false);
    const stronger = new Argon2idPasswordHasher({ ...ARGON2ID_PARAMETERS, memoryKiB: 47_104 });
    expect(stronger.needsRehash(current)).toBe(true);
    expect(new Argon2idPasswordHasher({ ...ARGON2ID_PARAMETERS, passes: 3 }).needsRehash(current)).toBe(true);
    expect(hasher.needsRehash(await stronger.hash('a long enough passphrase'))).toBe(false);
    // 8-byte salt, m=64 MiB: strong memory, but a shorter salt than ours.
    expect(hasher.needsRehash(REFERENCE_PHC)).toBe(true);
    expect(hasher.needsRehash('not a hash')).toBe(true);
  });
});
