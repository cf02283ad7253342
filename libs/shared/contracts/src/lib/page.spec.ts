import fc from 'fast-check';
import { DEFAULT_PAGE_LIMIT, lastPage, MAX_PAGE_LIMIT, pageLimit } from './page';

describe('cursor pages', () => {
  it('uses the default limit when none is asked for', () => {
    expect(pageLimit(undefined)).toBe(DEFAULT_PAGE_LIMIT);
    expect(pageLimit(Number.NaN)).toBe(DEFAULT_PAGE_LIMIT);
  });

  it('always yields a whole limit between 1 and the maximum', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (requested) => {
        const limit = pageLimit(requested);
        return Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_LIMIT;
      }),
    );
  });

  it('keeps a valid request as it is', () => {
    expect(pageLimit(7)).toBe(7);
    expect(pageLimit(MAX_PAGE_LIMIT)).toBe(MAX_PAGE_LIMIT);
  });

  it('marks the last page with a null cursor', () => {
    expect(lastPage(['a'])).toEqual({ items: ['a'], nextCursor: null });
  });
});
