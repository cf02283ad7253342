import { InvalidCursor } from '../ops/operations.errors';
import { isGlobalPosition } from '../ops/parked-cursor';

const PREFIX = 'audit:';

/** The opaque cursor of the audit page that continues below (older than) `globalPosition`. */
export function encodeAuditCursor(globalPosition: string): string {
  return Buffer.from(`${PREFIX}${globalPosition}`, 'utf8').toString('base64url');
}

/** The global position a cursor continues below; throws {@link InvalidCursor} for anything else. */
export function decodeAuditCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!isGlobalPosition(position)) throw new InvalidCursor();
  // Base64url decoding ignores stray characters, so only the canonical spelling is accepted.
  if (encodeAuditCursor(position) !== cursor) throw new InvalidCursor();
  return position;
}
