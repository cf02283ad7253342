import { DomainError } from '@bandstand/shared/contracts';

/** SQL rendering a timestamptz column as ISO 8601 in UTC, to the millisecond. */
export function isoUtc(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** SQL rendering a timestamptz column in UTC to the microsecond: exact enough for a keyset cursor. */
export function exactUtc(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** A cursor that is not a `nextCursor` of this list (400, field `cursor`). */
export class CatalogCursorInvalid extends DomainError {
  constructor() {
    super('VALIDATION.INVALID_CURSOR', 'cursor must be the nextCursor of a previous page', {
      status: 400,
      field: 'cursor',
    });
  }
}

/** An opaque cursor holding a keyset position (strings and numbers), base64url of its JSON. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * The keyset position of a cursor made by {@link encodeCursor}, checked against the kinds of its
 * parts (`'s'` string, `'n'` integer); {@link CatalogCursorInvalid} otherwise.
 */
export function decodeCursor<const Kinds extends readonly ('s' | 'n')[]>(
  cursor: string,
  kinds: Kinds,
): { [K in keyof Kinds]: Kinds[K] extends 'n' ? number : string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CatalogCursorInvalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length) throw new CatalogCursorInvalid();
  const parts: unknown[] = parsed;
  kinds.forEach((kind, index) => {
    const part = parts[index];
    const fits = kind === 's' ? typeof part === 'string' && part.length <= 200 : Number.isSafeInteger(part);
    if (!fits) throw new CatalogCursorInvalid();
  });
  return parts as { [K in keyof Kinds]: Kinds[K] extends 'n' ? number : string };
}

/** `text` as a literal inside an SQL `like` pattern (`%` and `_` match themselves). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
