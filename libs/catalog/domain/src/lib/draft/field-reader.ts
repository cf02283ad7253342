import { type ErrorCode, type FieldError } from '@bandstand/shared/contracts';
import {
  CATALOG_ERROR_CODES,
  CONTRIBUTOR_ROLES,
  type Contributor,
  type ContributorRole,
  type CopyrightLine,
  type LocalizedText,
  type Translation,
} from '@bandstand/catalog/contracts';
import { checkIpi, checkIsni, checkLanguage, type Checked } from '../identifiers/identifiers';

/** Code of a field an input may not carry (as the api's ValidationPipe reports it). */
export const UNKNOWN_FIELD_CODE: ErrorCode = 'VALIDATION.UNKNOWN_FIELD';

const INVALID = CATALOG_ERROR_CODES.invalidMetadata;

/** `prefix.key`, or `key` at the root. */
export function fieldPath(prefix: string, key: string | number): string {
  return prefix === '' ? String(key) : `${prefix}.${key}`;
}

/** Length in characters as people count them (code points, so an emoji counts once). */
function lengthOf(text: string): number {
  return [...text].length;
}

/** Limits of a text field. */
export interface TextLimits {
  readonly min?: number;
  readonly max: number;
}

/**
 * Collects every error of one untrusted input while reading it. Each `read…` returns the
 * normalised value, or a placeholder when the field is wrong (then an error is recorded), so that
 * reading goes on and reports every problem at once.
 */
export class FieldReader {
  private readonly found: FieldError[] = [];

  /** The errors recorded so far. */
  get errors(): readonly FieldError[] {
    return this.found;
  }

  /** Records an error. */
  add(field: string, code: ErrorCode, message: string): void {
    this.found.push({ field, code, message });
  }

  /** Records the refusal of an identifier check and answers its value, or null. */
  checked<T>(field: string, result: Checked<T>): T | null {
    if (result.ok) return result.value;
    this.add(field, result.code, result.message);
    return null;
  }

  /**
   * A plain object holding only `allowed` keys (others are reported as unknown), or null when the
   * value is not an object.
   */
  object(value: unknown, path: string, allowed: readonly string[]): Readonly<Record<string, unknown>> | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, INVALID, 'Must be an object');
      return null;
    }
    const record = value as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key))
        this.add(fieldPath(path, key), UNKNOWN_FIELD_CODE, `Unknown field "${key}"`);
    }
    return record;
  }

  /** An array of at most `max` items, or null when absent (undefined or null). */
  optionalArray(value: unknown, path: string, max: number): readonly unknown[] | null {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) {
      this.add(path, INVALID, 'Must be a list');
      return null;
    }
    if (value.length > max) {
      this.add(path, INVALID, `At most ${max} entries (found ${value.length})`);
      return null;
    }
    return value as readonly unknown[];
  }

  /** A required text, trimmed, within `limits` (at least 1 character unless told otherwise). */
  requiredText(value: unknown, path: string, limits: TextLimits): string {
    if (value === undefined || value === null) {
      this.add(path, INVALID, 'Is required');
      return '';
    }
    return this.text(value, path, { min: limits.min ?? 1, max: limits.max }) ?? '';
  }

  /** An optional text, trimmed; absent, null and blank all mean null. */
  optionalText(value: unknown, path: string, limits: TextLimits): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' && value.trim() === '') return null;
    return this.text(value, path, limits);
  }

  private text(value: unknown, path: string, limits: TextLimits): string | null {
    if (typeof value !== 'string') {
      this.add(path, INVALID, 'Must be a text');
      return null;
    }
    const trimmed = value.trim();
    const length = lengthOf(trimmed);
    const min = limits.min ?? 0;
    if (length < min) {
      this.add(path, INVALID, min === 1 ? 'Must not be empty' : `At least ${min} characters`);
      return null;
    }
    if (length > limits.max) {
      this.add(path, INVALID, `At most ${limits.max} characters (found ${length})`);
      return null;
    }
    return trimmed;
  }

  /** An optional identifier: blank means null, else `check` decides. */
  optionalIdentifier(value: unknown, path: string, check: (input: string) => Checked<string>): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.add(path, INVALID, 'Must be a text');
      return null;
    }
    if (value.trim() === '') return null;
    return this.checked(path, check(value));
  }

  /** An optional integer in [min, max]; `fallback` when absent. */
  integer<F extends number | null>(
    value: unknown,
    path: string,
    range: { readonly min: number; readonly max: number },
    fallback: F,
  ): number | F {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, INVALID, 'Must be a whole number');
      return fallback;
    }
    if (value < range.min || value > range.max) {
      this.add(path, INVALID, `Must be between ${range.min} and ${range.max}`);
      return fallback;
    }
    return value;
  }

  /** One of `choices`; `fallback` when absent. */
  choice<T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T): T {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.add(path, INVALID, `Must be one of ${choices.join(', ')}`);
      return fallback;
    }
    return value as T;
  }

  /** One of `choices`, required. */
  requiredChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T | null {
    if (value === undefined || value === null) {
      this.add(path, INVALID, 'Is required');
      return null;
    }
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.add(path, INVALID, `Must be one of ${choices.join(', ')}`);
      return null;
    }
    return value as T;
  }

  /** An optional BCP 47 tag, canonicalised. */
  optionalLanguage(value: unknown, path: string): string | null {
    return this.optionalIdentifier(value, path, checkLanguage);
  }

  /** A required BCP 47 tag, canonicalised; null (and an error) when absent or wrong. */
  requiredLanguage(value: unknown, path: string): string | null {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(path, INVALID, 'Is required');
      return null;
    }
    return this.optionalLanguage(value, path);
  }

  /** A list of distinct BCP 47 tags (compared once canonicalised). */
  languages(value: unknown, path: string, max: number): string[] {
    const items = this.optionalArray(value, path, max) ?? [];
    const tags: string[] = [];
    items.forEach((item, index) => {
      const at = fieldPath(path, index);
      if (typeof item !== 'string') {
        this.add(at, INVALID, 'Must be a text');
        return;
      }
      const tag = this.checked(at, checkLanguage(item));
      if (tag === null) return;
      if (tags.includes(tag)) {
        this.add(at, INVALID, `The language ${tag} is listed twice`);
        return;
      }
      tags.push(tag);
    });
    return tags;
  }

  /** A {@link LocalizedText} sent as a plain string or as an object. */
  localizedText(value: unknown, path: string): LocalizedText {
    if (value === undefined || value === null) {
      this.add(path, INVALID, 'Is required');
      return { text: '', language: null, translations: [] };
    }
    if (typeof value === 'string') {
      return { text: this.requiredText(value, path, TITLE_LIMITS), language: null, translations: [] };
    }
    const record = this.object(value, path, ['text', 'language', 'translations']);
    if (record === null) return { text: '', language: null, translations: [] };
    const text = this.requiredText(record['text'], fieldPath(path, 'text'), TITLE_LIMITS);
    const language = this.optionalLanguage(record['language'], fieldPath(path, 'language'));
    return {
      text,
      language,
      translations: this.translations(record['translations'], fieldPath(path, 'translations')),
    };
  }

  private translations(value: unknown, path: string): Translation[] {
    const items = this.optionalArray(value, path, MAX_TRANSLATIONS) ?? [];
    const translations: Translation[] = [];
    items.forEach((item, index) => {
      const at = fieldPath(path, index);
      const record = this.object(item, at, ['language', 'text']);
      if (record === null) return;
      const text = this.requiredText(record['text'], fieldPath(at, 'text'), TITLE_LIMITS);
      const language = this.requiredLanguage(record['language'], fieldPath(at, 'language'));
      if (language === null) return;
      if (translations.some((translation) => translation.language === language)) {
        this.add(fieldPath(at, 'language'), INVALID, `There is a translation in ${language} already`);
        return;
      }
      translations.push({ language, text });
    });
    return translations;
  }

  /** A © or ℗ line, or null. */
  copyrightLine(value: unknown, path: string): CopyrightLine | null {
    if (value === undefined || value === null) return null;
    const record = this.object(value, path, ['year', 'owner']);
    if (record === null) return null;
    const yearAt = fieldPath(path, 'year');
    if (record['year'] === undefined || record['year'] === null) this.add(yearAt, INVALID, 'Is required');
    const year = this.integer(record['year'], yearAt, { min: 1900, max: 2100 }, null);
    const owner = this.requiredText(record['owner'], fieldPath(path, 'owner'), { max: 300 });
    return year === null ? null : { year, owner };
  }

  /** Credits: at most {@link MAX_CONTRIBUTORS}, each with its roles, identifiers and instrument. */
  contributors(value: unknown, path: string): Contributor[] {
    const items = this.optionalArray(value, path, MAX_CONTRIBUTORS) ?? [];
    return items.map((item, index) => this.contributor(item, fieldPath(path, index)));
  }

  /** One credit. */
  contributor(value: unknown, path: string): Contributor {
    const record = this.object(value, path, ['name', 'artistId', 'roles', 'isni', 'ipi', 'instrument']);
    if (record === null)
      return { name: '', artistId: null, roles: [], isni: null, ipi: null, instrument: null };
    return {
      name: this.requiredText(record['name'], fieldPath(path, 'name'), { max: 300 }),
      artistId: this.optionalText(record['artistId'], fieldPath(path, 'artistId'), { max: MAX_ID }),
      roles: this.roles(record['roles'], fieldPath(path, 'roles')),
      isni: this.optionalIdentifier(record['isni'], fieldPath(path, 'isni'), checkIsni),
      ipi: this.optionalIdentifier(record['ipi'], fieldPath(path, 'ipi'), checkIpi),
      instrument: this.optionalText(record['instrument'], fieldPath(path, 'instrument'), { max: 100 }),
    };
  }

  private roles(value: unknown, path: string): ContributorRole[] {
    if (value === undefined || value === null) {
      this.add(path, INVALID, 'Is required: at least one role');
      return [];
    }
    const items = this.optionalArray(value, path, CONTRIBUTOR_ROLES.length) ?? [];
    if (Array.isArray(value) && value.length === 0) this.add(path, INVALID, 'At least one role');
    const roles: ContributorRole[] = [];
    items.forEach((item, index) => {
      const role = this.requiredChoice(item, fieldPath(path, index), CONTRIBUTOR_ROLES);
      if (role === null) return;
      if (roles.includes(role)) {
        this.add(fieldPath(path, index), INVALID, `The role ${role} is listed twice`);
        return;
      }
      roles.push(role);
    });
    return roles;
  }

  /** A list of distinct non-empty ids. */
  ids(value: unknown, path: string, max: number): string[] {
    const items = this.optionalArray(value, path, max) ?? [];
    const ids: string[] = [];
    items.forEach((item, index) => {
      const at = fieldPath(path, index);
      const id = this.requiredText(item, at, { max: MAX_ID });
      if (id === '') return;
      if (ids.includes(id)) {
        this.add(at, INVALID, `${id} is listed twice`);
        return;
      }
      ids.push(id);
    });
    return ids;
  }
}

/** Limits of titles and display artists. */
export const TITLE_LIMITS: TextLimits = { min: 1, max: 500 };
/** Most translations of one text. */
export const MAX_TRANSLATIONS = 50;
/** Most credits on a release or a track. */
export const MAX_CONTRIBUTORS = 100;
/** Longest id (of an artist, an asset, a track) accepted in a draft. */
export const MAX_ID = 100;
