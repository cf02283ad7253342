import { type CatalogErrorCode } from '@bandstand/catalog/contracts';

/** An identifier checked and normalised, or why it was refused. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: CatalogErrorCode; readonly message: string };

/** UPC-A (12 digits) or EAN-13, spaces and hyphens allowed; the GS1 mod-10 check digit must match. */
export function checkGtin(input: string): Checked<string> {
  throw new Error(`checkGtin(${input}) is being written`);
}

/** ISRC `CC-XXX-YY-NNNNN` with or without hyphens, any case → 12 upper-case characters. */
export function checkIsrc(input: string): Checked<string> {
  throw new Error(`checkIsrc(${input}) is being written`);
}

/** ISWC `T-DDD.DDD.DDD-C` (separators optional) with its check digit → `T` + 10 digits. */
export function checkIswc(input: string): Checked<string> {
  throw new Error(`checkIswc(${input}) is being written`);
}

/** ISNI, 16 characters (spaces allowed), ISO 7064 MOD 11-2 check character → 16 characters. */
export function checkIsni(input: string): Checked<string> {
  throw new Error(`checkIsni(${input}) is being written`);
}

/** CISAC IPI name number: 11 digits (shorter ones are left-padded with zeros). */
export function checkIpi(input: string): Checked<string> {
  throw new Error(`checkIpi(${input}) is being written`);
}

/** ISO 3166-1 alpha-2 (upper-cased), or `WW` where allowed. */
export function checkTerritory(
  input: string,
  options: { readonly allowWorldwide: boolean },
): Checked<string> {
  throw new Error(`checkTerritory(${input}, ${String(options.allowWorldwide)}) is being written`);
}

/** A BCP 47 language tag, canonicalised (`EN-us` → `en-US`). */
export function checkLanguage(input: string): Checked<string> {
  throw new Error(`checkLanguage(${input}) is being written`);
}
