import { InvalidCursor } from './operations.errors';

const PREFIX = 'parked:';
const LARGEST_POSITION = 2n ** 63n - 1n;

/** The opaque cursor of the parked-events page that follows `globalPosition`. */
export function encodeParkedCursor(globalPosition: string): string {
  return Buffer.from(`${PREFIX}${globalPosition}`, 'utf8').toString('base64url');
}

/** The global position a cursor continues after; throws {@link InvalidCursor} for anything else. */
export function decodeParkedCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!/^\d{1,19}$/.test(position) || BigInt(position) > LARGEST_POSITION) throw new InvalidCursor();
  // Base64url decoding ignores stray characters, so only the canonical spelling is accepted.
  if (encodeParkedCursor(position) !== cursor) throw new InvalidCursor();
  return position;
}

/** Whether `value` is a global position PostgreSQL can hold (a positive int8). */
export function isGlobalPosition(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= LARGEST_POSITION;
}
