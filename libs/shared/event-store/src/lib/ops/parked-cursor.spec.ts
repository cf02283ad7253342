import fc from 'fast-check';
import { DomainError } from '@bandstand/shared/contracts';
import { decodeParkedCursor, encodeParkedCursor, isGlobalPosition } from './parked-cursor';

describe('parked-events cursor', () => {
  it('decodes every cursor it encodes to the same position', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (position) => {
        const text = position.toString();
        return decodeParkedCursor(encodeParkedCursor(text)) === text;
      }),
    );
  });

  it.each([
    '',
    'abc',
    encodeParkedCursor('x1'),
    encodeParkedCursor('9223372036854775808'),
    `${encodeParkedCursor('5')}!`,
  ])('refuses %p as KERNEL.INVALID_CURSOR on the cursor field', (cursor) => {
    let thrown: unknown;
    try {
      decodeParkedCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'KERNEL.INVALID_CURSOR', status: 400, field: 'cursor' });
  });

  it('knows which positions fit an int8', () => {
    expect(isGlobalPosition('1')).toBe(true);
    expect(isGlobalPosition('9223372036854775807')).toBe(true);
    expect(isGlobalPosition('9223372036854775808')).toBe(false);
    expect(isGlobalPosition('-1')).toBe(false);
    expect(isGlobalPosition('1e3')).toBe(false);
  });
});
