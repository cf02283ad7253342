/** SQL rendering a timestamptz column as ISO 8601 in UTC, to the millisecond. */
export function isoUtc(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** SQL rendering a timestamptz column in UTC to the microsecond: exact enough for a keyset cursor. */
export function exactUtc(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** `text` as a literal inside an SQL `like` pattern (`%` and `_` match themselves). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
