import { type DataItem, type Series } from '@swimlane/ngx-charts';
import { type CategoryValue, type ChartSeries, formatX, type ValueFormatter } from './chart-types';
import { type ChartTable } from './frame/chart-frame.component';

/** Maps typed series to ngx-charts' multi-series shape. */
export function toNgxSeries(series: readonly ChartSeries[]): Series[] {
  return series.map((one) => ({
    name: one.name,
    series: one.points.map((point): DataItem => ({ name: point.x, value: point.y })),
  }));
}

/** The long-format data table of a set of series: series, x, y. */
export function seriesTable(
  series: readonly ChartSeries[],
  xLabel: string,
  yLabel: string,
  format: ValueFormatter,
): ChartTable {
  return {
    columns: ['Series', xLabel, yLabel],
    rows: series.flatMap((one) => one.points.map((point) => [one.name, formatX(point.x), format(point.y)])),
  };
}

/**
 * Whether every x is a number or a date. ngx-charts can round ("nice") only such domains: on
 * categories its point scale has no `nice()` and the chart throws.
 */
export function hasContinuousX(series: readonly ChartSeries[]): boolean {
  return series.every((one) => one.points.every((point) => typeof point.x !== 'string'));
}

/** Maps typed categories (or anything with a label and a value) to ngx-charts' single-series shape. */
export function toNgxSingle(data: readonly CategoryValue[]): DataItem[] {
  return data.map((item) => ({ name: item.label, value: item.value }));
}

/** The data table of a set of categories. */
export function categoryTable(
  data: readonly CategoryValue[],
  categoryLabel: string,
  valueLabel: string,
  format: ValueFormatter,
): ChartTable {
  return { columns: [categoryLabel, valueLabel], rows: data.map((item) => [item.label, format(item.value)]) };
}
