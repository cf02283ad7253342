import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { BundledBreachedPasswords, NoBreachedPasswords } from './breached-passwords.adapters';
import { IdentityPasswordPolicy } from './password.policy';

async function errorOf(promise: Promise<void>): Promise<IdentityError | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof IdentityError) return error;
    throw error;
  }
}

describe('IdentityPasswordPolicy', () => {
  const withList = new IdentityPasswordPolicy(new BundledBreachedPasswords());
  const withoutList = new IdentityPasswordPolicy(new NoBreachedPasswords());
  const email = 'someone@example.org';

  it('accepts 12 to 128 characters', async () => {
    await expect(withList.check('x'.repeat(11) + 'y', { email })).resolves.toBeUndefined();
    await expect(withList.check('plum-violin-7'.padEnd(128, 'k'), { email })).resolves.toBeUndefined();
  });

  it('refuses passwords shorter than 12 characters, on the password field', async () => {
    const error = await errorOf(withList.check('violin-plum', { email }));
    expect(error).toMatchObject({
      code: IDENTITY_ERROR_CODES.passwordTooShort,
      status: 422,
      field: 'password',
    });
  });

  it('refuses passwords longer than 128 characters', async () => {
    const error = await errorOf(withList.check('k'.repeat(129), { email }));
    expect(error).toMatchObject({
      code: IDENTITY_ERROR_CODES.passwordTooLong,
      status: 422,
      field: 'password',
    });
  });

  it('counts Unicode code points after NFKC, not UTF-16 units', async () => {
    // 11 emoji are 22 UTF-16 units but 11 characters.
    await expect(errorOf(withList.check('\u{1F3B8}'.repeat(11), { email }))).resolves.toMatchObject({
      code: IDENTITY_ERROR_CODES.passwordTooShort,
    });
    await expect(withList.check('\u{1F3B8}'.repeat(12), { email })).resolves.toBeUndefined();
    // U+FB00 (ﬀ) is one code point that NFKC turns into "ff": six of them are 12 characters.
    await expect(withList.check('\uFB00'.repeat(6), { email })).resolves.toBeUndefined();
    await expect(errorOf(withList.check('\uFB00'.repeat(65), { email }))).resolves.toMatchObject({
      code: IDENTITY_ERROR_CODES.passwordTooLong,
    });
  });

  it('refuses passwords containing the e-mail address’s local part, in any case', async () => {
    const annabel = { email: 'Annabel.Lee@example.org' };
    for (const password of ['my-ANNABEL.LEE-secret', 'annabel.lee@example.org', 'xxannabel.leexx']) {
      await expect(errorOf(withoutList.check(password, annabel))).resolves.toMatchObject({
        code: IDENTITY_ERROR_CODES.passwordContainsEmail,
        field: 'password',
      });
    }
    await expect(withoutList.check('annabel-lee-but-spaced', annabel)).resolves.toBeUndefined();
  });

  it('also refuses the local part without its +tag, and ignores local parts under 4 characters', async () => {
    await expect(
      errorOf(withoutList.check('frederick-the-great', { email: 'frederick+shop@example.org' })),
    ).resolves.toMatchObject({ code: IDENTITY_ERROR_CODES.passwordContainsEmail });
    await expect(withoutList.check('annannannann', { email: 'ann@example.org' })).resolves.toBeUndefined();
  });

  it('refuses passwords from the breached list, whatever their case', async () => {
    for (const password of ['qwerty123456', 'QAZWSXEDCRFV', 'leavemealone']) {
      await expect(errorOf(withList.check(password, { email }))).resolves.toMatchObject({
        code: IDENTITY_ERROR_CODES.passwordBreached,
        status: 422,
        field: 'password',
      });
      await expect(withoutList.check(password, { email })).resolves.toBeUndefined();
    }
  });

  it('names the first rule broken: length before breaches', async () => {
    await expect(errorOf(withList.check('password', { email }))).resolves.toMatchObject({
      code: IDENTITY_ERROR_CODES.passwordTooShort,
    });
  });
});

describe('BundledBreachedPasswords', () => {
  it('holds at least 10,000 passwords, the most common ones among them', async () => {
    const list = new BundledBreachedPasswords();
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    for (const password of ['123456', 'password', 'iloveyou', 'trustno1', 'Dragon']) {
      await expect(list.isBreached(password)).resolves.toBe(true);
    }
    await expect(list.isBreached('vellum-otter-quasar-19')).resolves.toBe(false);
    await expect(list.isBreached('')).resolves.toBe(false);
  });
});
