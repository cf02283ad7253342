import { type CalendarEntry } from '@bandstand/catalog/contracts';

/** One day of the calendar with the entries that touch it. */
export interface CalendarDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly key: string;
  readonly date: Date;
  /** In the month shown (month view); always true in week view. */
  readonly inPeriod: boolean;
  readonly today: boolean;
  readonly entries: readonly CalendarEntry[];
}

/** How the calendar shows its period. */
export type CalendarMode = 'month' | 'week';

/** The local date of `date` as `YYYY-MM-DD`. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Local midnight of the Monday on or before `date`. */
export function startOfWeek(date: Date): Date {
  const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const fromMonday = (midnight.getDay() + 6) % 7;
  return new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() - fromMonday);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The days shown for `anchor`: six weeks around its month, or its week; Monday first. */
export function calendarRange(mode: CalendarMode, anchor: Date): { readonly from: Date; readonly to: Date } {
  if (mode === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 7) };
  }
  const from = startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  return { from, to: addDays(from, 42) };
}

/** The anchor of the period before (`-1`) or after (`1`) the one shown. */
export function shiftAnchor(mode: CalendarMode, anchor: Date, by: -1 | 1): Date {
  return mode === 'week'
    ? addDays(anchor, 7 * by)
    : new Date(anchor.getFullYear(), anchor.getMonth() + by, 1);
}

/**
 * The days of the range with their entries: a release moment on the local day it falls on, an
 * embargo on every day its window touches.
 */
export function calendarDays(
  mode: CalendarMode,
  anchor: Date,
  entries: readonly CalendarEntry[],
  now: Date = new Date(),
): CalendarDay[] {
  const { from, to } = calendarRange(mode, anchor);
  const byDay = new Map<string, CalendarEntry[]>();
  const put = (key: string, entry: CalendarEntry) => byDay.set(key, [...(byDay.get(key) ?? []), entry]);
  for (const entry of entries) {
    const start = new Date(entry.at);
    if (entry.kind !== 'embargo' || entry.until === null) {
      put(dayKey(start), entry);
      continue;
    }
    // The window's last instant is `until` excluded: a window ending at midnight leaves that day free.
    const end = new Date(new Date(entry.until).getTime() - 1);
    for (let day = start < from ? from : addDays(start, 0); day <= end && day < to; day = addDays(day, 1)) {
      put(dayKey(day), entry);
    }
  }
  const today = dayKey(now);
  const days: CalendarDay[] = [];
  for (let date = from; date < to; date = addDays(date, 1)) {
    const key = dayKey(date);
    days.push({
      key,
      date,
      inPeriod: mode === 'week' || date.getMonth() === anchor.getMonth(),
      today: key === today,
      entries: [...(byDay.get(key) ?? [])].sort((a, b) => a.at.localeCompare(b.at)),
    });
  }
  return days;
}

/** Days of the range as weeks of seven. */
export function inWeeks(days: readonly CalendarDay[]): CalendarDay[][] {
  const weeks: CalendarDay[][] = [];
  for (let index = 0; index < days.length; index += 7) weeks.push(days.slice(index, index + 7));
  return weeks;
}
