import { type CalendarEntry } from '@bandstand/catalog/contracts';
import { calendarDays, calendarRange, dayKey, inWeeks, shiftAnchor, startOfWeek } from './calendar-days';

function entry(overrides: Partial<CalendarEntry>): CalendarEntry {
  return {
    releaseId: 'rel-1',
    title: 'Night Drive',
    displayArtist: 'Aurora Lane',
    status: 'scheduled',
    kind: 'release',
    territory: null,
    at: new Date(2026, 11, 4, 0, 0).toISOString(),
    until: null,
    ...overrides,
  };
}

describe('the calendar days', () => {
  it('starts weeks on Monday', () => {
    expect(dayKey(startOfWeek(new Date(2026, 11, 6, 15)))).toBe('2026-11-30');
    expect(dayKey(startOfWeek(new Date(2026, 11, 7)))).toBe('2026-12-07');
  });

  it('shows six weeks around a month and seven days around a week', () => {
    const month = calendarRange('month', new Date(2026, 11, 17));
    expect(dayKey(month.from)).toBe('2026-11-30');
    expect(dayKey(month.to)).toBe('2027-01-11');
    const week = calendarRange('week', new Date(2026, 11, 17));
    expect(dayKey(week.from)).toBe('2026-12-14');
    expect(dayKey(week.to)).toBe('2026-12-21');
  });

  it('moves a month or a week at a time', () => {
    expect(dayKey(shiftAnchor('month', new Date(2026, 11, 31), 1))).toBe('2027-01-01');
    expect(dayKey(shiftAnchor('month', new Date(2026, 0, 31), -1))).toBe('2025-12-01');
    expect(dayKey(shiftAnchor('week', new Date(2026, 11, 17), -1))).toBe('2026-12-10');
  });

  it('puts a release on its local day and an embargo on every day of its window', () => {
    const days = calendarDays(
      'month',
      new Date(2026, 11, 1),
      [
        entry({}),
        entry({ kind: 'territory-release', territory: 'NZ', at: new Date(2026, 11, 3, 11).toISOString() }),
        entry({
          kind: 'embargo',
          territory: 'DE',
          at: new Date(2026, 11, 1).toISOString(),
          until: new Date(2026, 11, 4).toISOString(),
        }),
      ],
      new Date(2026, 11, 2, 9),
    );
    const on = (key: string) => days.find((day) => day.key === key);
    expect(on('2026-12-04')?.entries.map((found) => found.kind)).toEqual(['release']);
    expect(on('2026-12-03')?.entries.map((found) => found.kind)).toEqual(['embargo', 'territory-release']);
    expect(on('2026-12-01')?.entries.map((found) => found.kind)).toEqual(['embargo']);
    // The window ends at midnight of the 4th, which it leaves free.
    expect(on('2026-12-04')?.entries.some((found) => found.kind === 'embargo')).toBe(false);
    expect(on('2026-11-30')?.entries).toEqual([]);
    expect(on('2026-11-30')?.inPeriod).toBe(false);
    expect(on('2026-12-02')?.today).toBe(true);
    expect(inWeeks(days)).toHaveLength(6);
  });

  it('shows the part of a long embargo that falls in the range', () => {
    const days = calendarDays('week', new Date(2026, 11, 17), [
      entry({
        kind: 'embargo',
        territory: 'WW',
        at: new Date(2026, 10, 1).toISOString(),
        until: new Date(2027, 0, 1).toISOString(),
      }),
    ]);
    expect(days).toHaveLength(7);
    expect(days.every((day) => day.entries.length === 1 && day.inPeriod)).toBe(true);
  });
});
