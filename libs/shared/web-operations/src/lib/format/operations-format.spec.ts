import { formatCount, formatLag, formatRelative } from './operations-format';

describe('operations formatting', () => {
  it.each([
    [0, 'caught up'],
    [0.0004, '1 ms'],
    [0.35, '350 ms'],
    [42.7, '42 s'],
    [185, '3 min 5 s'],
    [7_800, '2 h 10 min'],
    [200_000, '2 d 7 h'],
  ])('writes a lag of %p s as %p', (seconds, text) => {
    expect(formatLag(seconds)).toBe(text);
  });

  it('groups digits and marks a capped count as a lower bound', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(100_000, true)).toBe('≥ 100,000');
  });

  it('says how far a moment lies from now, either way', () => {
    const now = '2026-11-21T10:00:00.000Z';
    expect(formatRelative('2026-11-21T10:00:12.000Z', now)).toBe('in 12 s');
    expect(formatRelative('2026-11-21T09:56:55.000Z', now)).toBe('3 min 5 s ago');
    expect(formatRelative('2026-11-21T10:00:00.400Z', now)).toBe('now');
  });
});
