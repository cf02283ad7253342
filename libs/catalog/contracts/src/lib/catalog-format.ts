import { type LocalizedText } from './catalog-model';

/** A normalised ISRC as people write it: `USRC17607839` → `US-RC1-76-07839`. */
export function formatIsrc(isrc: string): string {
  if (!/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/.test(isrc)) return isrc;
  return `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
}

/** A normalised ISWC as people write it: `T0345246801` → `T-034.524.680-1`. */
export function formatIswc(iswc: string): string {
  if (!/^T[0-9]{10}$/.test(iswc)) return iswc;
  return `T-${iswc.slice(1, 4)}.${iswc.slice(4, 7)}.${iswc.slice(7, 10)}-${iswc.slice(10)}`;
}

/** A normalised ISNI in its four groups: `0000000121032683` → `0000 0001 2103 2683`. */
export function formatIsni(isni: string): string {
  if (!/^[0-9]{15}[0-9X]$/.test(isni)) return isni;
  return isni.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A normalised UPC or EAN in the groups printed under its bar code: UPC-A `036000291452` →
 * `0 36000 29145 2`, EAN-13 `5012345678900` → `5 012345 678900`; anything else as it is.
 */
export function formatUpc(upc: string): string {
  if (/^[0-9]{12}$/.test(upc))
    return `${upc.slice(0, 1)} ${upc.slice(1, 6)} ${upc.slice(6, 11)} ${upc.slice(11)}`;
  if (/^[0-9]{13}$/.test(upc)) return `${upc.slice(0, 1)} ${upc.slice(1, 7)} ${upc.slice(7)}`;
  return upc;
}

/**
 * The rendering of a text for a reader who prefers `languages` (most preferred first): an exact
 * translation, then one of the same base language (`ja` for `ja-Latn`), else the original.
 */
export function localizedTextFor(text: LocalizedText, languages: readonly string[]): string {
  for (const wanted of languages) {
    const lower = wanted.toLowerCase();
    if (text.language?.toLowerCase() === lower) return text.text;
    const exact = text.translations.find((translation) => translation.language.toLowerCase() === lower);
    if (exact !== undefined) return exact.text;
  }
  for (const wanted of languages) {
    const base = wanted.toLowerCase().split('-')[0] ?? '';
    if (text.language?.toLowerCase().split('-')[0] === base) return text.text;
    const sameBase = text.translations.find(
      (translation) => translation.language.toLowerCase().split('-')[0] === base,
    );
    if (sameBase !== undefined) return sameBase.text;
  }
  return text.text;
}
