// A calendar date, optionally with a time of day that then needs its offset: a time without one
// would be read in whatever zone the server or the database runs in.
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * Whether `value` is an ISO 8601 date (`2026-11-21`, midnight UTC) or date and time with an offset
 * (`2026-11-21T10:00:00.000Z`, `2026-11-21T11:00+01:00`) naming a day and time that exist.
 */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_TIMESTAMP.exec(value);
  if (!match) return false;
  const part = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day] = [part(1), part(2), part(3)];
  // Date rolls 30 February over into March, so the day must survive the round trip.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const dayExists =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return dayExists && part(4) <= 23 && part(5) <= 59 && part(6) <= 59 && part(7) <= 23 && part(8) <= 59;
}

/** The canonical form (`toISOString`: UTC, milliseconds) of a value {@link isIsoTimestamp} accepted. */
export function canonicalTimestamp(value: string): string {
  return new Date(value).toISOString();
}
