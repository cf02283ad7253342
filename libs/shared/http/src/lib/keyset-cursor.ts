import { DomainError, type Page } from '@bandstand/shared/contracts';

/** A cursor that is not a `nextCursor` of the list it is sent to (400, field `cursor`). */
export class CursorInvalid extends DomainError {
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
 * parts (`'s'` string of at most 200 characters, `'n'` integer); {@link CursorInvalid} otherwise.
 */
export function decodeCursor<const Kinds extends readonly ('s' | 'n')[]>(
  cursor: string,
  kinds: Kinds,
): { [K in keyof Kinds]: Kinds[K] extends 'n' ? number : string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorInvalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length) throw new CursorInvalid();
  const parts: unknown[] = parsed;
  kinds.forEach((kind, index) => {
    const part = parts[index];
    const fits = kind === 's' ? typeof part === 'string' && part.length <= 200 : Number.isSafeInteger(part);
    if (!fits) throw new CursorInvalid();
  });
  return parts as { [K in keyof Kinds]: Kinds[K] extends 'n' ? number : string };
}

/**
 * A page of a keyset query that fetched `limit + 1` rows: the first `limit` as items, and the
 * cursor of the last of them only when a further row shows that more follow.
 */
export function keysetPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (last: Row) => string,
): Page<Item> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
