import { CursorInvalid, decodeCursor, encodeCursor, keysetPage } from './keyset-cursor';

describe('keyset cursors', () => {
  it('round-trips a position of strings and integers', () => {
    const cursor = encodeCursor(['2027-03-01T12:00:00.000000Z', 'release-1', 3]);
    expect(decodeCursor(cursor, ['s', 's', 'n'] as const)).toEqual([
      '2027-03-01T12:00:00.000000Z',
      'release-1',
      3,
    ]);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor', ['s', 's'] as const],
    ['a different length', encodeCursor(['a']), ['s', 's'] as const],
    ['a number where a string belongs', encodeCursor([1, 'b']), ['s', 's'] as const],
    ['a string over 200 characters', encodeCursor(['x'.repeat(201), 'b']), ['s', 's'] as const],
    ['a fraction where an integer belongs', encodeCursor(['a', 1.5]), ['s', 'n'] as const],
  ])('refuses %s with VALIDATION.INVALID_CURSOR on `cursor`', (_case, cursor, kinds) => {
    expect(() => decodeCursor(cursor, kinds)).toThrow(CursorInvalid);
    const thrown = ((): unknown => {
      try {
        decodeCursor(cursor, kinds);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: 'VALIDATION.INVALID_CURSOR', status: 400, field: 'cursor' });
  });

  it('pages `limit` of `limit + 1` rows with a cursor at the last item only when more follow', () => {
    const cursorOf = (last: number): string => `after-${last}`;
    expect(keysetPage([1, 2, 3], 2, (row) => row * 10, cursorOf)).toEqual({
      items: [10, 20],
      nextCursor: 'after-2',
    });
    expect(keysetPage([1, 2], 2, (row) => row * 10, cursorOf)).toEqual({ items: [10, 20], nextCursor: null });
    expect(keysetPage([], 2, (row: number) => row, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
