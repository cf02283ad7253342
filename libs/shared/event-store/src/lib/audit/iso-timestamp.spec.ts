import { canonicalTimestamp, isIsoTimestamp } from './iso-timestamp';

describe('ISO timestamps of the audit filters', () => {
  it.each([
    '2026-11-21',
    '2024-02-29',
    '2026-11-21T10:00Z',
    '2026-11-21T10:00:59Z',
    '2026-11-21T10:00:00.5Z',
    '2026-11-21T23:59:59.999+01:00',
    '2026-11-21T00:00:00-05:30',
  ])('accepts %p', (value) => {
    expect(isIsoTimestamp(value)).toBe(true);
  });

  it.each([
    '',
    'yesterday',
    '2026-02-29',
    '2026-02-30T10:00:00Z',
    '2026-13-01',
    '2026-11-21T10:00:00',
    '2026-11-21T24:00:00Z',
    '2026-11-21T10:60Z',
    '2026-11-21T10:00:00.1234Z',
    '2026-11-21T10:00:00+24:00',
    '2026-W47',
    '21/11/2026',
    ' 2026-11-21',
  ])('refuses %p', (value) => {
    expect(isIsoTimestamp(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isIsoTimestamp(['2026-11-21'])).toBe(false);
    expect(isIsoTimestamp(20261121)).toBe(false);
  });

  it('reads a date as midnight UTC and an offset as the moment it names', () => {
    expect(canonicalTimestamp('2026-11-21')).toBe('2026-11-21T00:00:00.000Z');
    expect(canonicalTimestamp('2026-11-21T11:30+01:00')).toBe('2026-11-21T10:30:00.000Z');
  });
});
