/**
 * Text as search compares it, the same on both sides: what the projection indexes and what a query
 * looks for go through these functions, so that "Café", "CAFE" and "cafe" meet.
 */

// Diacritics that are accents on a base letter (Latin, Greek, Cyrillic), Arabic harakat and Hebrew
// points: readers type the bare letters. Other combining marks stay: an Indic vowel sign or a Thai
// tone is part of the letter, and kana voicing marks are recomposed by NFC (か + ゙ → が).
const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x1ab0, 0x1aff], // … extended
  [0x1dc0, 0x1dff], // … supplement
  [0x20d0, 0x20ff], // … for symbols
  [0xfe20, 0xfe2f], // combining half marks
  [0x0591, 0x05c7], // Hebrew points and cantillation
  [0x0610, 0x061a], // Arabic signs
  [0x064b, 0x065f], // Arabic harakat
  [0x0670, 0x0670], // Arabic superscript alef
  [0x06d6, 0x06ed], // Quranic annotation marks
];
const MARK = /\p{M}/gu;

function isDiacritic(mark: string): boolean {
  const code = mark.codePointAt(0) ?? 0;
  return DIACRITIC_RANGES.some(([from, to]) => code >= from && code <= to);
}

// Letters NFKD does not decompose but readers type as plain Latin ("Bjork", "Lodz", "strasse").
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ς: 'σ',
};

const APOSTROPHES = /['’ʼ‘`]/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const CJK_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+)/u;

/**
 * A text as search compares it: NFKD (full-width and compatibility forms fold to their plain
 * letters), accents removed (ё reads as е, but й stays й), recomposed (NFC), lower-cased, a few letters folded, apostrophes dropped
 * ("don't" = "dont") and any other punctuation turned into single spaces, trimmed.
 */
export function normaliseSearchText(text: string): string {
  return (
    text
      .normalize('NFKD')
      // й is a letter of its own in Russian, not и with an accent: keep it whole.
      .replace(/([иИ])\u0306/gu, (_, base: string) => (base === 'и' ? 'й' : 'Й'))
      .replace(MARK, (mark) => (isDiacritic(mark) ? '' : mark))
      .normalize('NFC')
      .toLowerCase()
      .replace(/[ßæœøđðłþıħς]/gu, (letter) => FOLDED_LETTERS[letter] ?? letter)
      .replace(APOSTROPHES, '')
      .replace(NOT_WORD, ' ')
      .trim()
  );
}

/**
 * The words search matches, from a normalised text. Chinese and Japanese are written without spaces,
 * so a whole title would otherwise be one "word" that only matches from its first character; each
 * run of Han, hiragana or katakana becomes its overlapping character bigrams (夜明けのうた → 夜明 明け
 * けの のう うた), the usual indexing of CJK text. A query goes through the same split, so that
 * "のうた" (のう うた) matches inside the title and a two-character word such as "明け" is a word of
 * its own. pg_trgm itself keeps these characters (the database's ctype is UTF-8, where they are
 * letters: `show_trgm('夜明けのうた')` gives 7 trigrams), so the trigram index works on the bigrams.
 */
export function searchWords(normalised: string): string[] {
  const words: string[] = [];
  for (const token of normalised.split(' ')) {
    if (token === '') continue;
    if (!CJK.test(token)) {
      words.push(token);
      continue;
    }
    for (const part of token.split(CJK_RUNS)) {
      if (part === '') continue;
      const characters = [...part];
      if (!CJK.test(part) || characters.length < 2) {
        words.push(part);
        continue;
      }
      for (let index = 0; index + 1 < characters.length; index += 1) {
        words.push(`${characters[index] ?? ''}${characters[index + 1] ?? ''}`);
      }
    }
  }
  return words;
}

/**
 * The searchable document of an entry: the search words of each of `texts` (a title and all its
 * renderings, a version title, an artist line), space-separated with a space at both ends, so that
 * `like '% word%'` finds a word, or a phrase, by its beginning. Identical renderings count once.
 */
export function searchDocument(texts: readonly (string | null)[]): string {
  const parts = new Set<string>();
  for (const text of texts) {
    if (text === null) continue;
    const words = searchWords(normaliseSearchText(text));
    if (words.length > 0) parts.add(words.join(' '));
  }
  return ` ${[...parts].join(' ')} `;
}

/** The normalised forms of a title's renderings, distinct, for exact title matches. */
export function normalisedTitles(texts: readonly string[]): string[] {
  return [...new Set(texts.map(normaliseSearchText).filter((text) => text !== ''))];
}

/** Shortest and longest words the vocabulary keeps: shorter ones are never corrected, longer ones are not words. */
export const MIN_TERM_LENGTH = 3;
export const MAX_TERM_LENGTH = 40;

/** The vocabulary of documents: their distinct words that typo correction may suggest, sorted. */
export function vocabularyOf(documents: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const document of documents) {
    for (const word of document.split(' ')) {
      const length = [...word].length;
      if (length >= MIN_TERM_LENGTH && length <= MAX_TERM_LENGTH && !/^[0-9]+$/.test(word)) terms.add(word);
    }
  }
  return [...terms].sort();
}

/**
 * The identifiers a query may be, normalised as the catalog stores them: an ISRC (`US-RC1-76-07839`,
 * any case), an ISWC (`T-034.524.680-1`), an ISNI (`0000 0001 2103 2683`) or a GTIN. A UPC-A and the
 * EAN-13 written with a leading zero are the same product, so each brings the other.
 */
export function identifierCandidates(query: string): string[] {
  const compact = query.replace(/[\s\-.‐‑–]/gu, '').toUpperCase();
  if (/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/.test(compact)) return [compact];
  if (/^T[0-9]{10}$/.test(compact)) return [compact];
  if (/^[0-9]{15}[0-9X]$/.test(compact)) return [compact];
  if (/^[0-9]{12,14}$/.test(compact)) {
    const candidates = new Set([compact]);
    let shorter = compact;
    while (shorter.length > 12 && shorter.startsWith('0')) {
      shorter = shorter.slice(1);
      candidates.add(shorter);
    }
    if (compact.length === 12) candidates.add(`0${compact}`);
    return [...candidates];
  }
  return [];
}

/** Most words of a query that matching looks at (the first ones): more only narrow an AND further. */
export const MAX_QUERY_WORDS = 12;
/** Words this long or longer are corrected when the vocabulary does not know them. */
export const MIN_CORRECTED_LENGTH = 5;
/** The most edits (Levenshtein: a swapped pair of letters counts two) a corrected word may be away. */
export const MAX_EDITS = 2;

/** A query as the search runs it. */
export interface ParsedSearchQuery {
  /** The normalised query, for exact title matches. */
  readonly normalised: string;
  /** Its search words (CJK as bigrams), at most {@link MAX_QUERY_WORDS}. */
  readonly words: readonly string[];
  /** The words joined: a phrase, matched by its beginning and by trigram similarity. */
  readonly phrase: string;
  /** Words long enough to correct if the vocabulary does not know them. */
  readonly correctable: readonly string[];
  /** What the query is if it is an identifier. */
  readonly identifiers: readonly string[];
}

/** Parses a trimmed, non-empty query. */
export function parseSearchQuery(query: string): ParsedSearchQuery {
  const normalised = normaliseSearchText(query);
  const words = [...new Set(searchWords(normalised))].slice(0, MAX_QUERY_WORDS);
  return {
    normalised,
    words,
    phrase: searchWords(normalised).join(' '),
    correctable: words.filter((word) => [...word].length >= MIN_CORRECTED_LENGTH && !/^[0-9]+$/.test(word)),
    identifiers: identifierCandidates(query),
  };
}
