import { createHash } from 'node:crypto';
import { type SealSummary } from '@bandstand/shared/contracts';
import { type EventHasher } from '../store/event-hasher';
import { type LogPosition } from '../store/event';

/** A row of kernel.seals: one batch of the global log in commit order, chained to the seal before it. */
export interface Seal {
  readonly sealNumber: number;
  /** Global positions of the events it covers, in commit order. */
  readonly positions: readonly bigint[];
  /** The last event it covers; the next seal starts after it. */
  readonly last: LogPosition;
  readonly eventCount: number;
  /** HMAC over the previous seal's chain and this seal's fields, see {@link sealChain}. */
  readonly chain: Buffer;
  readonly sealedAt: Date;
}

/** The columns {@link sealOfRow} maps. */
export const SEAL_COLUMNS =
  'seal_number, event_count, positions, last_transaction_id, last_global_position, chain, sealed_at';

/** A row of kernel.seals as `pg` returns it. */
export interface SealRow {
  readonly seal_number: string;
  readonly event_count: number;
  readonly positions: unknown;
  readonly last_transaction_id: string;
  readonly last_global_position: string;
  readonly chain: Buffer;
  readonly sealed_at: Date | string;
}

/** What the first seal chains to. */
export const GENESIS_CHAIN = Buffer.alloc(32);

// Separates this MAC's messages from the events' (same key): a seal message can never be read as an
// event message, whose first 32 bytes are a SHA-256 digest.
const SEAL_DOMAIN = Buffer.from('bandstand.kernel.seal.v1\n', 'utf8');

function int8(value: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  // xid8 is unsigned; both fit in 63 bits in practice, and unsigned writes the same bytes there.
  buffer.writeBigUInt64BE(BigInt.asUintN(64, value));
  return buffer;
}

/**
 * The chain value of a seal: HMAC-SHA256 under the event store key over the previous seal's chain,
 * this seal's number, event count and last (transaction id, global position), and the global
 * positions it covers in order. Each event's own HMAC binds its content to its global position, so
 * sealing positions proves which events exist and in what order; and since the chain covers only
 * the seal's own row and its predecessor's chain, a changed seal is told apart from a removed event.
 */
export function sealChain(
  hasher: EventHasher,
  previous: Buffer,
  seal: Pick<Seal, 'sealNumber' | 'positions' | 'last' | 'eventCount'>,
): Buffer {
  const header = Buffer.concat([
    SEAL_DOMAIN,
    previous,
    int8(BigInt(seal.sealNumber)),
    int8(BigInt(seal.eventCount)),
    int8(seal.last.transactionId),
    int8(seal.last.globalPosition),
  ]);
  const positions = Buffer.alloc(8 * seal.positions.length);
  seal.positions.forEach((position, index) =>
    positions.writeBigUInt64BE(BigInt.asUintN(64, position), index * 8),
  );
  // HMAC from the hasher's pre-padded keys (RFC 2104), the same construction the append SQL uses.
  const inner = createHash('sha256').update(hasher.innerKey).update(header).update(positions).digest();
  return createHash('sha256').update(hasher.outerKey).update(inner).digest();
}

/** Parses a `bigint[]` column, whatever shape the driver hands it over in. */
export function bigintArray(value: unknown): bigint[] {
  if (Array.isArray(value)) return value.map((item) => BigInt(item as string | number | bigint));
  if (typeof value === 'string') {
    const inner = value.replace(/^\{|\}$/g, '').trim();
    return inner.length === 0 ? [] : inner.split(',').map((item) => BigInt(item.trim()));
  }
  throw new TypeError(`Not a bigint[] value: ${String(value)}`);
}

/** A seal as read from its row. */
export function sealOfRow(row: SealRow): Seal {
  return {
    sealNumber: Number(row.seal_number),
    positions: bigintArray(row.positions),
    last: {
      transactionId: BigInt(row.last_transaction_id),
      globalPosition: BigInt(row.last_global_position),
    },
    eventCount: Number(row.event_count),
    chain: row.chain,
    sealedAt: new Date(row.sealed_at),
  };
}

/** The JSON shape of a seal for reports and the API. */
export function sealSummary(seal: Seal): SealSummary {
  return {
    sealNumber: seal.sealNumber,
    eventCount: seal.eventCount,
    lastGlobalPosition: seal.last.globalPosition.toString(),
    lastTransactionId: seal.last.transactionId.toString(),
    chain: seal.chain.toString('hex'),
    sealedAt: seal.sealedAt.toISOString(),
  };
}
