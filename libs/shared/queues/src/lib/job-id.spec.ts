import fc from 'fast-check';
import { jobIdFrom } from './job-id';

describe('jobIdFrom', () => {
  it('gives the same id for the same cause', () => {
    expect(jobIdFrom('statement', 'payee-7', '2026-10')).toBe(jobIdFrom('statement', 'payee-7', '2026-10'));
    expect(jobIdFrom('sync', new Date('2026-11-21T00:00:00Z'))).toBe(
      jobIdFrom('sync', new Date('2026-11-21T00:00:00.000Z')),
    );
  });

  it('tells causes apart by value, order, type and boundaries', () => {
    const ids = [
      jobIdFrom('a', 'b'),
      jobIdFrom('b', 'a'),
      jobIdFrom('ab'),
      jobIdFrom('a', 1),
      jobIdFrom('a', '1'),
      jobIdFrom('a', true),
      jobIdFrom('a', 'true'),
      jobIdFrom('a:b'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('always yields an id BullMQ accepts: no colon, not a bare integer', () => {
    const part = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const id = jobIdFrom(...parts);
        expect(id).toMatch(/^c-[0-9a-f]{40}$/);
        expect(jobIdFrom(...parts)).toBe(id);
      }),
    );
  });

  it('refuses a cause it cannot write down', () => {
    expect(() => jobIdFrom()).toThrow('at least one part');
    expect(() => jobIdFrom('x', Number.NaN)).toThrow('part 1 is not a finite number');
    expect(() => jobIdFrom(new Date('nope'))).toThrow('part 0 is an invalid date');
  });
});
