import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type DataItem, LegendPosition, LineChartModule, type Series } from '@swimlane/ngx-charts';
import { BANDSTAND_SCHEME } from '../chart-scheme';
import { type ChartSeries, formatNumber, formatX, type ValueFormatter } from '../chart-types';
import { ChartFrameComponent, type ChartTable } from '../frame/chart-frame.component';

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

/** A line chart of one or more series over a shared x axis (time, numbers or categories). */
@Component({
  selector: 'bs-line-chart',
  imports: [ChartFrameComponent, LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <bs-chart-frame
      #frame
      [label]="label()"
      [height]="height()"
      [empty]="empty()"
      [emptyHeading]="emptyHeading()"
      [emptyMessage]="emptyMessage()"
      [table]="table()"
    >
      @if (frame.view(); as view) {
        <ngx-charts-line-chart
          [view]="view"
          [results]="results()"
          [scheme]="scheme"
          [legend]="series().length > 1"
          [legendPosition]="legendBelow"
          legendTitle=""
          [xAxis]="true"
          [yAxis]="true"
          [showXAxisLabel]="xAxisLabel() !== ''"
          [showYAxisLabel]="yAxisLabel() !== ''"
          [xAxisLabel]="xAxisLabel()"
          [yAxisLabel]="yAxisLabel()"
          [yAxisTickFormatting]="valueFormat()"
          [autoScale]="autoScale()"
          [roundDomains]="roundDomains()"
          [animations]="animations()"
        />
      }
    </bs-chart-frame>
  `,
})
export class LineChartComponent {
  readonly label = input.required<string>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly xAxisLabel = input('');
  readonly yAxisLabel = input('');
  readonly height = input(300);
  readonly valueFormat = input<ValueFormatter>(formatNumber);
  /** Start the y axis at the data's minimum rather than zero. */
  readonly autoScale = input(false);
  readonly animations = input(true);
  readonly emptyHeading = input('No data yet');
  readonly emptyMessage = input<string>();

  protected readonly scheme = BANDSTAND_SCHEME;
  protected readonly legendBelow = LegendPosition.Below;
  protected readonly empty = computed(() => this.series().every((one) => one.points.length === 0));
  protected readonly results = computed(() => toNgxSeries(this.series()));
  protected readonly roundDomains = computed(() => hasContinuousX(this.series()));
  protected readonly table = computed(() =>
    seriesTable(this.series(), this.xAxisLabel() || 'x', this.yAxisLabel() || 'Value', this.valueFormat()),
  );
}
