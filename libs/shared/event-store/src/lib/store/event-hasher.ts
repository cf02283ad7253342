import { createHash, createHmac, hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { type EventMetadata } from './event';

/** The fields of an event that its tamper-evidence hash covers, besides its place in the log. */
export interface HashedContent {
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** The event's place in the log, fixed by PostgreSQL at append time and covered by the hash too. */
export interface HashedPlace {
  readonly streamVersion: number;
  readonly globalPosition: bigint;
}

/** An event's content with data and metadata already in canonical JSON. */
export interface CanonicalParts {
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
  readonly recordedAtIso: string;
}

const BLOCK = 64;

/**
 * HMAC-SHA256 of each event under a key that lives in the processes' configuration, never in the
 * database: whoever can write the tables cannot make a changed event verify. Node hashes the content
 * into a digest; PostgreSQL, which assigns stream version and global position inside the append
 * statement, finishes the HMAC with its built-in sha256 over the pre-padded keys, so any expected
 * version mode stays one statement. {@link hashOf} computes the same value in Node for the verifier.
 */
export class EventHasher {
  readonly innerKey: Buffer;
  readonly outerKey: Buffer;

  constructor(private readonly key: string) {
    if (key.length < 32) {
      throw new TypeError('The event store key must be at least 32 characters');
    }
    let keyBytes = Buffer.from(key, 'utf8');
    if (keyBytes.length > BLOCK) keyBytes = createHash('sha256').update(keyBytes).digest();
    const padded = Buffer.alloc(BLOCK);
    keyBytes.copy(padded);
    this.innerKey = Buffer.from(padded.map((byte) => byte ^ 0x36));
    this.outerKey = Buffer.from(padded.map((byte) => byte ^ 0x5c));
  }

  /** sha256 of the canonical JSON of an event's content. */
  digest(content: HashedContent): Buffer {
    return createHash('sha256').update(canonicalContent(content), 'utf8').digest();
  }

  /**
   * The same digest as {@link digest}, from parts already in canonical JSON: the append path
   * serializes data and metadata once and must not do it again for the hash.
   */
  digestOfCanonical(parts: CanonicalParts): Buffer {
    // Keys in canonical (sorted) order: data, eventId, metadata, recordedAt, schemaVersion, streamId, type.
    const text =
      `{"data":${parts.dataJson},"eventId":${JSON.stringify(parts.eventId)},"metadata":${parts.metadataJson},` +
      `"recordedAt":${JSON.stringify(parts.recordedAtIso)},"schemaVersion":${parts.schemaVersion},` +
      `"streamId":${JSON.stringify(parts.streamId)},"type":${JSON.stringify(parts.type)}}`;
    return hash('sha256', text, 'buffer');
  }

  /** The HMAC the store keeps for an event: over its content digest, stream version and global position. */
  hashOf(content: HashedContent, place: HashedPlace): Buffer {
    return createHmac('sha256', this.key)
      .update(placedMessage(this.digest(content), place))
      .digest();
  }
}

/** What the HMAC signs: content digest ‖ stream version (int8) ‖ global position (int8), as SQL builds it. */
export function placedMessage(digest: Buffer, place: HashedPlace): Buffer {
  const tail = Buffer.alloc(16);
  tail.writeBigInt64BE(BigInt(place.streamVersion), 0);
  tail.writeBigInt64BE(place.globalPosition, 8);
  return Buffer.concat([digest, tail]);
}

function canonicalContent(content: HashedContent): string {
  return canonicalJson({
    streamId: content.streamId,
    eventId: content.eventId,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
    recordedAt: content.recordedAt.toISOString(),
  });
}
