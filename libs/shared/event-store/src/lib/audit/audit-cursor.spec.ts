import fc from 'fast-check';
import { DomainError } from '@bandstand/shared/contracts';
import { encodeParkedCursor } from '../ops/parked-cursor';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

describe('audit cursor', () => {
  it('decodes every cursor it encodes to the same position', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (position) => {
        const text = position.toString();
        return decodeAuditCursor(encodeAuditCursor(text)) === text;
      }),
    );
  });

  it.each([
    '',
    'abc',
    encodeAuditCursor('x1'),
    encodeAuditCursor('-1'),
    encodeAuditCursor('9223372036854775808'),
    `${encodeAuditCursor('5')}!`,
    encodeParkedCursor('5'),
  ])('refuses %p as KERNEL.INVALID_CURSOR on the cursor field', (cursor) => {
    let thrown: unknown;
    try {
      decodeAuditCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'KERNEL.INVALID_CURSOR', status: 400, field: 'cursor' });
  });
});
