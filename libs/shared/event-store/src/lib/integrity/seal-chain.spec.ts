import { EventHasher } from '../store/event-hasher';
import { bigintArray, GENESIS_CHAIN, type Seal, sealChain, sealOfRow, sealSummary } from './seal-chain';

const hasher = new EventHasher('bandstand-unit-test-key-0123456789abcdef');
const seal: Pick<Seal, 'sealNumber' | 'positions' | 'last' | 'eventCount'> = {
  sealNumber: 3,
  positions: [10n, 11n, 14n],
  last: { transactionId: 900n, globalPosition: 14n },
  eventCount: 3,
};

describe('sealChain', () => {
  const base = sealChain(hasher, GENESIS_CHAIN, seal);

  it('is a 32-byte HMAC that depends only on its inputs', () => {
    expect(base).toHaveLength(32);
    expect(sealChain(hasher, GENESIS_CHAIN, { ...seal, positions: [10n, 11n, 14n] }).equals(base)).toBe(true);
  });

  it.each([
    ['the previous chain', { previous: Buffer.alloc(32, 1) }],
    ['the seal number', { sealNumber: 4 }],
    ['the event count', { eventCount: 2 }],
    ['the order of the positions', { positions: [11n, 10n, 14n] }],
    ['a position left out', { positions: [10n, 14n] }],
    ["the last event's transaction id", { last: { transactionId: 901n, globalPosition: 14n } }],
    ["the last event's position", { last: { transactionId: 900n, globalPosition: 15n } }],
  ])('changes with %s', (_, change) => {
    const { previous = GENESIS_CHAIN, ...fields } = change as Partial<typeof seal> & { previous?: Buffer };
    expect(sealChain(hasher, previous, { ...seal, ...fields }).equals(base)).toBe(false);
  });

  it('changes with the key', () => {
    const other = new EventHasher('another-unit-test-key-0123456789abcdef012');
    expect(sealChain(other, GENESIS_CHAIN, seal).equals(base)).toBe(false);
  });
});

describe('seal rows', () => {
  it('reads bigint[] columns as arrays or as array literals', () => {
    expect(bigintArray(['1', '22', '9007199254740993'])).toEqual([1n, 22n, 9007199254740993n]);
    expect(bigintArray('{1,22,333}')).toEqual([1n, 22n, 333n]);
    expect(bigintArray('{}')).toEqual([]);
    expect(() => bigintArray(7)).toThrow('Not a bigint[] value');
  });

  it('maps a row to a seal and a seal to its JSON summary', () => {
    const chain = Buffer.alloc(32, 0xab);
    const parsed = sealOfRow({
      seal_number: '3',
      event_count: 2,
      positions: ['10', '11'],
      last_transaction_id: '900',
      last_global_position: '11',
      chain,
      sealed_at: '2026-11-21T10:00:00.000Z',
    });
    expect(parsed).toEqual({
      sealNumber: 3,
      positions: [10n, 11n],
      last: { transactionId: 900n, globalPosition: 11n },
      eventCount: 2,
      chain,
      sealedAt: new Date('2026-11-21T10:00:00.000Z'),
    });
    expect(sealSummary(parsed)).toEqual({
      sealNumber: 3,
      eventCount: 2,
      lastGlobalPosition: '11',
      lastTransactionId: '900',
      chain: 'ab'.repeat(32),
      sealedAt: '2026-11-21T10:00:00.000Z',
    });
  });
});
