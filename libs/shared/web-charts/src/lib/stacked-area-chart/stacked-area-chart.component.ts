import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AreaChartModule, LegendPosition } from '@swimlane/ngx-charts';
import { BANDSTAND_SCHEME } from '../chart-scheme';
import { type ChartSeries, formatNumber, type ValueFormatter } from '../chart-types';
import { ChartFrameComponent } from '../frame/chart-frame.component';
import { hasContinuousX, seriesTable, toNgxSeries } from '../line-chart/line-chart.component';

/**
 * A stacked area chart: how parts add up to a whole over x (e.g. earnings by platform per month).
 * Every series should cover the same x values.
 */
@Component({
  selector: 'bs-stacked-area-chart',
  imports: [ChartFrameComponent, AreaChartModule],
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
        <ngx-charts-area-chart-stacked
          [view]="view"
          [results]="results()"
          [scheme]="scheme"
          [legend]="true"
          [legendPosition]="legendBelow"
          legendTitle=""
          [xAxis]="true"
          [yAxis]="true"
          [showXAxisLabel]="xAxisLabel() !== ''"
          [showYAxisLabel]="yAxisLabel() !== ''"
          [xAxisLabel]="xAxisLabel()"
          [yAxisLabel]="yAxisLabel()"
          [yAxisTickFormatting]="valueFormat()"
          [roundDomains]="roundDomains()"
          [animations]="animations()"
        />
      }
    </bs-chart-frame>
  `,
})
export class StackedAreaChartComponent {
  readonly label = input.required<string>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly xAxisLabel = input('');
  readonly yAxisLabel = input('');
  readonly height = input(300);
  readonly valueFormat = input<ValueFormatter>(formatNumber);
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
