import {
  currentCorrelationId,
  isAcceptableCorrelationId,
  newCorrelationId,
  runWithCorrelation,
} from './correlation';

describe('correlation ids', () => {
  it('has none outside of a correlated run', () => {
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps the id across awaits and timers inside the run, and drops it after', async () => {
    const seen = await runWithCorrelation('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const afterTimer = currentCorrelationId();
      const inCallback = await new Promise<string | undefined>((resolve) =>
        setImmediate(() => resolve(currentCorrelationId())),
      );
      return [afterTimer, inCallback];
    });
    expect(seen).toEqual(['req-1', 'req-1']);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('isolates concurrent runs', async () => {
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        runWithCorrelation(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          return currentCorrelationId();
        }),
      ),
    );
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('lets an inner run shadow the outer one', () => {
    runWithCorrelation('outer', () => {
      runWithCorrelation('inner', () => expect(currentCorrelationId()).toBe('inner'));
      expect(currentCorrelationId()).toBe('outer');
    });
  });

  it('generates UUIDs that are acceptable ids', () => {
    const id = newCorrelationId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isAcceptableCorrelationId(id)).toBe(true);
    expect(newCorrelationId()).not.toBe(id);
  });

  it.each(['abc', 'req_1.2:3-x', 'A'.repeat(128)])('accepts %s from a caller', (id) => {
    expect(isAcceptableCorrelationId(id)).toBe(true);
  });

  it.each(['', ' ', 'a b', 'a\nb', 'a"b', '-leading', 'A'.repeat(129), 'é', undefined, 7])(
    'refuses %p from a caller',
    (id) => {
      expect(isAcceptableCorrelationId(id)).toBe(false);
    },
  );
});
