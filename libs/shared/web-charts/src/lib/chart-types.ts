/** An x position on a chart axis: a category, a number or a point in time. */
export type ChartX = string | number | Date;

/** One point of a series. */
export interface ChartPoint {
  readonly x: ChartX;
  readonly y: number;
}

/** A named series of points (one line, or one layer of a stacked area). */
export interface ChartSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
}

/** One category with its value (a bar, a pie slice). */
export interface CategoryValue {
  readonly label: string;
  readonly value: number;
}

/** One number card: a headline figure with its label and unit. */
export interface NumberCard {
  readonly label: string;
  readonly value: number;
  /** Shown after the number, e.g. `ms` or `%`. */
  readonly unit?: string;
}

/** A value for one territory, keyed by its ISO 3166-1 alpha-2 code (e.g. `FR`). */
export interface TerritoryValue {
  readonly territory: string;
  readonly value: number;
}

/** Formats a number for axis ticks, tooltips and the accessible data table. */
export type ValueFormatter = (value: number) => string;

/** The default formatter: grouped digits in the user's locale. */
export const formatNumber: ValueFormatter = (value) => value.toLocaleString();

/** Formats an x value for the accessible data table. */
export function formatX(x: ChartX): string {
  return x instanceof Date ? x.toISOString().slice(0, 10) : String(x);
}
