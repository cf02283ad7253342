import {
  formatIsni,
  formatIsrc,
  formatIswc,
  formatUpc,
  type LocalizedText,
  localizedTextFor,
  type ReleaseType,
} from '@bandstand/catalog/contracts';

/** The reader's preferred languages, most preferred first (the browser's, else English). */
export function readerLanguages(): readonly string[] {
  const languages = globalThis.navigator?.languages;
  return languages !== undefined && languages.length > 0 ? languages : ['en'];
}

/** A localized text in the reader's language, as {@link localizedTextFor} picks it. */
export function displayText(text: LocalizedText): string {
  return localizedTextFor(text, readerLanguages());
}

const RELEASE_TYPE_LABELS: Readonly<Record<ReleaseType, string>> = {
  album: 'Album',
  ep: 'EP',
  single: 'Single',
  compilation: 'Compilation',
};

/** A release type as people read it (`ep` → EP). */
export function releaseTypeLabel(type: ReleaseType): string {
  return RELEASE_TYPE_LABELS[type];
}

/** A duration in milliseconds as `m:ss` (`h:mm:ss` from an hour on); empty when unknown. */
export function formatDuration(durationMs: number | null): string {
  if (durationMs === null) return '';
  const totalSeconds = Math.round(durationMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Milliseconds of a duration typed as `m:ss`, `h:mm:ss` or plain seconds; null for an empty
 * field, undefined for something that is no duration.
 */
export function parseDuration(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+(:[0-5]\d){0,2}(\.\d{1,3})?$/.test(trimmed)) return undefined;
  const [whole = '', fraction = ''] = trimmed.split('.');
  const seconds = whole.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return seconds * 1000 + Number(fraction.padEnd(3, '0'));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An instant as the value of a `datetime-local` input, in the browser's time zone (seconds when there are any). */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const seconds = date.getSeconds() === 0 ? '' : `:${pad(date.getSeconds())}`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}${seconds}`
  );
}

/**
 * A `datetime-local` value (the browser's zone) as ISO 8601 with that zone's offset, as the api
 * wants it (`2026-12-04T00:00:00+01:00`); null when the value is no date.
 */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (match === null) return null;
  const [, year, month, day, hours, minutes, seconds = '00'] = match;
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const absolute = Math.abs(offset);
  return (
    `${year}-${month}-${day}T${hours}:${minutes}:${seconds}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}

/** Territory or language codes typed as a list (`DE, at fr`) → upper-cased codes, no repeats. */
export function parseCodes(text: string, upperCase = true): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '')
    .map((code) => (upperCase ? code.toUpperCase() : code));
  return [...new Set(codes)];
}

/** A value of a field change, for a cell: `—` for nothing, text as is, anything else as JSON. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Who did something, from an actor string (`user:<id>`, `job:<name>`): a readable label. */
export function describeActor(actor: string, names: Readonly<Record<string, string>> = {}): string {
  const [kind, ...rest] = actor.split(':');
  const id = rest.join(':');
  if (kind === 'user') return names[id] ?? `user ${id}`;
  if (kind === 'job') return `scheduled job (${id})`;
  if (kind === 'processor') return `automatic (${id})`;
  return actor;
}

/** Tidies an identifier the way it is written once the field is left (ISRC, ISWC, ISNI, UPC). */
export function tidyIdentifier(kind: 'isrc' | 'iswc' | 'isni' | 'upc', typed: string): string {
  const bare = typed.replace(/[\s\-.]/g, '').toUpperCase();
  if (bare === '') return '';
  switch (kind) {
    case 'isrc':
      return formatIsrc(bare);
    case 'iswc':
      return formatIswc(bare);
    case 'isni':
      return formatIsni(bare);
    case 'upc':
      return formatUpc(bare);
  }
}
