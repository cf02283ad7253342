import fc from 'fast-check';
import { formatIsni, formatIsrc, formatIswc } from '@bandstand/catalog/contracts';
import {
  checkGtin,
  checkIpi,
  checkIsni,
  checkIsrc,
  checkIswc,
  checkLanguage,
  checkTerritory,
  gtinCheckDigit,
  isniCheckCharacter,
  iswcCheckDigit,
} from './identifiers';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('checkGtin', () => {
  it.each([
    ['036000291452', '036000291452'],
    ['0 36000 29145 2', '036000291452'],
    ['4006381333931', '4006381333931'],
    ['400-6381-33393-1', '4006381333931'],
  ])('accepts the UPC-A or EAN-13 %s as %s', (input, value) => {
    expect(checkGtin(input)).toEqual({ ok: true, value });
  });

  it('names the check digit it expected', () => {
    expect(checkGtin('036000291453')).toEqual({
      ok: false,
      code: 'CATALOG.INVALID_UPC',
      message: expect.stringContaining('should be 2') as unknown,
    });
  });

  it.each(['', '12345678901', '12345678901234', '03600029145A', '12345670'])('refuses %j', (input) => {
    expect(checkGtin(input)).toMatchObject({ ok: false, code: 'CATALOG.INVALID_UPC' });
  });

  it('accepts exactly one check digit for every 11- or 12-digit body', () => {
    fc.assert(
      fc.property(fc.oneof(digits(11, 11), digits(12, 12)), fc.integer({ min: 0, max: 9 }), (body, check) => {
        const result = checkGtin(`${body}${check}`);
        expect(result.ok).toBe(check === gtinCheckDigit(body));
      }),
    );
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(digits(12, 12), fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, position, shift) => {
        const valid = `${body}${gtinCheckDigit(body)}`;
        const typo = [...valid];
        typo[position] = String((Number(typo[position]) + shift) % 10);
        expect(checkGtin(typo.join('')).ok).toBe(false);
      }),
    );
  });
});

describe('checkIsrc', () => {
  it.each([
    ['USRC17607839', 'USRC17607839'],
    ['US-RC1-76-07839', 'USRC17607839'],
    ['us-rc1-76-07839', 'USRC17607839'],
    [' GBAYE0601498 ', 'GBAYE0601498'],
  ])('normalises %j to %s', (input, value) => {
    expect(checkIsrc(input)).toEqual({ ok: true, value });
  });

  it.each([
    '',
    'USRC1760783',
    'USRC176078390',
    '1SRC17607839',
    'US_RC17607839',
    'USRC1A607839',
    'US-RC1-76-0783X',
  ])('refuses %j', (input) => {
    expect(checkIsrc(input)).toMatchObject({ ok: false, code: 'CATALOG.INVALID_ISRC' });
  });

  it('reads back what formatIsrc writes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/), (isrc) => {
        expect(checkIsrc(formatIsrc(isrc))).toEqual({ ok: true, value: isrc });
        expect(checkIsrc(formatIsrc(isrc).toLowerCase())).toEqual({ ok: true, value: isrc });
      }),
    );
  });
});

describe('checkIswc', () => {
  it('computes the check digit of T-034.524.680-1', () => {
    expect(iswcCheckDigit('034524680')).toBe(1);
  });

  it.each([
    ['T-034.524.680-1', 'T0345246801'],
    ['T0345246801', 'T0345246801'],
    ['t-034524680-1', 'T0345246801'],
    ['T 034 524 680 1', 'T0345246801'],
  ])('normalises %j to %s', (input, value) => {
    expect(checkIswc(input)).toEqual({ ok: true, value });
  });

  it('names the check digit it expected', () => {
    expect(checkIswc('T-034.524.680-2')).toEqual({
      ok: false,
      code: 'CATALOG.INVALID_ISWC',
      message: expect.stringContaining('should be 1') as unknown,
    });
  });

  it.each(['', '034.524.680-1', 'T-034.524.68-1', 'X-034.524.680-1', 'T-034.524.680-10'])(
    'refuses %j',
    (input) => {
      expect(checkIswc(input)).toMatchObject({ ok: false, code: 'CATALOG.INVALID_ISWC' });
    },
  );

  it('accepts exactly one check digit per work and reads back formatIswc', () => {
    fc.assert(
      fc.property(digits(9, 9), fc.integer({ min: 0, max: 9 }), (work, check) => {
        const iswc = `T${work}${check}`;
        expect(checkIswc(formatIswc(iswc)).ok).toBe(check === iswcCheckDigit(work));
      }),
    );
  });
});

describe('checkIsni', () => {
  it.each([
    ['0000 0001 2103 2683', '0000000121032683'],
    ['0000 0001 2146 438X', '000000012146438X'],
    ['0000 0001 2281 955x', '000000012281955X'],
    ['0000000080456315', '0000000080456315'],
  ])('accepts the real ISNI %j', (input, value) => {
    expect(checkIsni(input)).toEqual({ ok: true, value });
  });

  it('names the check character it expected', () => {
    expect(checkIsni('0000 0001 2103 2684')).toEqual({
      ok: false,
      code: 'CATALOG.INVALID_ISNI',
      message: expect.stringContaining('should be 3') as unknown,
    });
  });

  it.each(['', '0000 0001 2103 268', '0000 0001 2103 26833', 'X000 0001 2103 2683', '0000-0001-2103-2683'])(
    'refuses %j',
    (input) => {
      expect(checkIsni(input)).toMatchObject({ ok: false, code: 'CATALOG.INVALID_ISNI' });
    },
  );

  it('accepts exactly one check character per identifier and reads back formatIsni', () => {
    fc.assert(
      fc.property(digits(15, 15), fc.constantFrom(...'0123456789X'), (body, check) => {
        expect(checkIsni(formatIsni(`${body}${check}`)).ok).toBe(check === isniCheckCharacter(body));
      }),
    );
  });
});

describe('checkIpi', () => {
  it.each([
    ['00014107338', '00014107338'],
    ['14107338', null],
    ['414107338', '00414107338'],
    ['1234567890', '01234567890'],
  ])('reads %j as %s', (input, value) => {
    expect(checkIpi(input)).toEqual(
      value === null
        ? expect.objectContaining({ ok: false, code: 'CATALOG.INVALID_IPI' })
        : { ok: true, value },
    );
  });

  it.each(['', '123456789012', 'I-000.000.000-1', '12345678A'])('refuses %j', (input) => {
    expect(checkIpi(input)).toMatchObject({ ok: false, code: 'CATALOG.INVALID_IPI' });
  });
});

describe('checkTerritory', () => {
  it('upper-cases ISO 3166-1 alpha-2 codes', () => {
    expect(checkTerritory('fr', { allowWorldwide: false })).toEqual({ ok: true, value: 'FR' });
    expect(checkTerritory(' JP ', { allowWorldwide: true })).toEqual({ ok: true, value: 'JP' });
  });

  it('accepts WW only where the whole world is allowed', () => {
    expect(checkTerritory('ww', { allowWorldwide: true })).toEqual({ ok: true, value: 'WW' });
    expect(checkTerritory('WW', { allowWorldwide: false })).toMatchObject({
      ok: false,
      code: 'CATALOG.INVALID_TERRITORY',
    });
  });

  it.each(['', 'FRA', '250', 'ZZ', 'UK', 'F'])(
    'refuses %j (alpha-3, numeric and unassigned codes too)',
    (input) => {
      expect(checkTerritory(input, { allowWorldwide: true })).toMatchObject({
        ok: false,
        code: 'CATALOG.INVALID_TERRITORY',
      });
    },
  );
});

describe('checkLanguage', () => {
  it.each([
    ['EN-us', 'en-US'],
    ['ja-latn', 'ja-Latn'],
    ['sr-Cyrl', 'sr-Cyrl'],
    ['zxx', 'zxx'],
    [' fr ', 'fr'],
  ])('canonicalises %j to %s', (input, value) => {
    expect(checkLanguage(input)).toEqual({ ok: true, value });
  });

  it.each(['', 'en_US', 'english!', '12', 'a'.repeat(36)])('refuses %j', (input) => {
    expect(checkLanguage(input)).toMatchObject({ ok: false, code: 'CATALOG.INVALID_LANGUAGE' });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom('en', 'EN-gb', 'ja-latn', 'zh-hant-tw', 'sr-cyrl', 'de-CH-1996'), (tag) => {
        const once = checkLanguage(tag);
        if (!once.ok) throw new Error(`${tag} was refused`);
        expect(checkLanguage(once.value)).toEqual(once);
      }),
    );
  });
});
