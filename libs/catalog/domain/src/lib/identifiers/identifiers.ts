import { isValid as isCountryCode } from 'i18n-iso-countries';
import {
  CATALOG_ERROR_CODES,
  type CatalogErrorCode,
  formatIsrc,
  formatIswc,
  WORLDWIDE,
} from '@bandstand/catalog/contracts';

/** An identifier checked and normalised, or why it was refused. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: CatalogErrorCode; readonly message: string };

function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

function refused<T>(code: CatalogErrorCode, message: string): Checked<T> {
  return { ok: false, code, message };
}

function digitsOf(text: string): number[] {
  return [...text].map(Number);
}

/** The GS1 mod-10 check digit of a GTIN body (every digit but the check digit). */
export function gtinCheckDigit(body: string): number {
  // Weights alternate 3, 1, 3… starting from the digit next to the check digit.
  const sum = digitsOf(body)
    .reverse()
    .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** UPC-A (12 digits) or EAN-13, spaces and hyphens allowed; the GS1 mod-10 check digit must match. */
export function checkGtin(input: string): Checked<string> {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^(?:[0-9]{12}|[0-9]{13})$/.test(digits)) {
    return refused(
      CATALOG_ERROR_CODES.invalidUpc,
      `"${input}" is not a UPC (12 digits) or an EAN (13 digits)`,
    );
  }
  const expected = gtinCheckDigit(digits.slice(0, -1));
  const given = Number(digits.slice(-1));
  if (given !== expected) {
    return refused(
      CATALOG_ERROR_CODES.invalidUpc,
      `"${input}" has the check digit ${given}; the check digit should be ${expected}`,
    );
  }
  return ok(digits);
}

const ISRC = /^([A-Z]{2})-?([A-Z0-9]{3})-?([0-9]{2})-?([0-9]{5})$/;

/** ISRC `CC-XXX-YY-NNNNN` with or without hyphens, any case → 12 upper-case characters. */
export function checkIsrc(input: string): Checked<string> {
  const match = ISRC.exec(input.trim().toUpperCase());
  if (match === null) {
    return refused(
      CATALOG_ERROR_CODES.invalidIsrc,
      `"${input}" is not an ISRC: expected CC-XXX-YY-NNNNN (country, registrant, year, designation), e.g. ${formatIsrc('USRC17607839')}`,
    );
  }
  return ok(match.slice(1).join(''));
}

/** The ISWC check digit of its nine work digits. */
export function iswcCheckDigit(nineDigits: string): number {
  const sum = digitsOf(nineDigits).reduce((total, digit, index) => total + (index + 1) * digit, 1);
  return (10 - (sum % 10)) % 10;
}

const ISWC = /^T[-. ]?([0-9]{3})[-. ]?([0-9]{3})[-. ]?([0-9]{3})[-. ]?([0-9])$/;

/** ISWC `T-DDD.DDD.DDD-C` (separators optional) with its check digit → `T` + 10 digits. */
export function checkIswc(input: string): Checked<string> {
  const match = ISWC.exec(input.trim().toUpperCase());
  if (match === null) {
    return refused(
      CATALOG_ERROR_CODES.invalidIswc,
      `"${input}" is not an ISWC: expected T-DDD.DDD.DDD-C, e.g. ${formatIswc('T0345246801')}`,
    );
  }
  const work = `${match[1] ?? ''}${match[2] ?? ''}${match[3] ?? ''}`;
  const expected = iswcCheckDigit(work);
  const given = Number(match[4]);
  if (given !== expected) {
    return refused(
      CATALOG_ERROR_CODES.invalidIswc,
      `"${input}" has the check digit ${given}; the check digit should be ${expected}`,
    );
  }
  return ok(`T${work}${given}`);
}

/** The ISO 7064 MOD 11-2 check character (`0`–`9` or `X`) of an ISNI's first 15 digits. */
export function isniCheckCharacter(fifteenDigits: string): string {
  const total = digitsOf(fifteenDigits).reduce((sum, digit) => (sum + digit) * 2, 0);
  const check = (12 - (total % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** ISNI, 16 characters (spaces allowed), ISO 7064 MOD 11-2 check character → 16 characters. */
export function checkIsni(input: string): Checked<string> {
  const compact = input.replace(/\s/g, '').toUpperCase();
  if (!/^[0-9]{15}[0-9X]$/.test(compact)) {
    return refused(
      CATALOG_ERROR_CODES.invalidIsni,
      `"${input}" is not an ISNI: expected 16 characters (15 digits and a check digit or X), e.g. 0000 0001 2103 2683`,
    );
  }
  const expected = isniCheckCharacter(compact.slice(0, 15));
  const given = compact.slice(15);
  if (given !== expected) {
    return refused(
      CATALOG_ERROR_CODES.invalidIsni,
      `"${input}" has the check character ${given}; the check character should be ${expected}`,
    );
  }
  return ok(compact);
}

/** CISAC IPI name number: 11 digits (shorter ones are left-padded with zeros). */
export function checkIpi(input: string): Checked<string> {
  const compact = input.replace(/\s/g, '');
  if (!/^[0-9]{9,11}$/.test(compact)) {
    return refused(
      CATALOG_ERROR_CODES.invalidIpi,
      `"${input}" is not an IPI name number: expected 9 to 11 digits`,
    );
  }
  return ok(compact.padStart(11, '0'));
}

/** ISO 3166-1 alpha-2 (upper-cased), or `WW` where allowed. */
export function checkTerritory(
  input: string,
  options: { readonly allowWorldwide: boolean },
): Checked<string> {
  const code = input.trim().toUpperCase();
  if (code === WORLDWIDE) {
    return options.allowWorldwide
      ? ok(code)
      : refused(
          CATALOG_ERROR_CODES.invalidTerritory,
          'WW (the whole world) is not allowed here: name a country (ISO 3166-1 alpha-2)',
        );
  }
  // isValid also accepts alpha-3 and numeric codes; only alpha-2 is stored.
  if (!/^[A-Z]{2}$/.test(code) || !isCountryCode(code)) {
    return refused(
      CATALOG_ERROR_CODES.invalidTerritory,
      `"${input}" is not an ISO 3166-1 alpha-2 country code${options.allowWorldwide ? ' or WW' : ''}`,
    );
  }
  return ok(code);
}

/** Longest language tag accepted (RFC 5646 §4.4.1 recommends supporting at least 35 characters). */
const MAX_LANGUAGE_TAG = 35;

/** A BCP 47 language tag, canonicalised (`EN-us` → `en-US`). */
export function checkLanguage(input: string): Checked<string> {
  const tag = input.trim();
  const refusal = refused<string>(
    CATALOG_ERROR_CODES.invalidLanguage,
    `"${input}" is not a BCP 47 language tag (e.g. en, ja-Latn, sr-Cyrl, zxx)`,
  );
  if (tag.length === 0 || tag.length > MAX_LANGUAGE_TAG) return refusal;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical === undefined ? refusal : ok(canonical);
  } catch {
    return refusal;
  }
}
