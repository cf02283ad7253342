import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule, type DataItem } from '@swimlane/ngx-charts';
import { BANDSTAND_SCHEME } from '../chart-scheme';
import { type CategoryValue, formatNumber, type ValueFormatter } from '../chart-types';
import { ChartFrameComponent, type ChartTable } from '../frame/chart-frame.component';

/** Maps typed categories to ngx-charts' single-series shape. */
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

/** Which way the bars run. */
export type BarChartOrientation = 'vertical' | 'horizontal';

/** A bar chart of categories, vertical (columns) or horizontal (good for long labels and rankings). */
@Component({
  selector: 'bs-bar-chart',
  imports: [ChartFrameComponent, BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <bs-chart-frame
      #frame
      [label]="label()"
      [height]="height()"
      [empty]="data().length === 0"
      [emptyHeading]="emptyHeading()"
      [emptyMessage]="emptyMessage()"
      [table]="table()"
    >
      @if (frame.view(); as view) {
        @if (orientation() === 'horizontal') {
          <ngx-charts-bar-horizontal
            [view]="view"
            [results]="results()"
            [scheme]="scheme"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="valueLabel() !== ''"
            [showYAxisLabel]="categoryLabel() !== ''"
            [xAxisLabel]="valueLabel()"
            [yAxisLabel]="categoryLabel()"
            [xAxisTickFormatting]="valueFormat()"
            [showDataLabel]="true"
            [dataLabelFormatting]="valueFormat()"
            [roundDomains]="true"
            [animations]="animations()"
          />
        } @else {
          <ngx-charts-bar-vertical
            [view]="view"
            [results]="results()"
            [scheme]="scheme"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="categoryLabel() !== ''"
            [showYAxisLabel]="valueLabel() !== ''"
            [xAxisLabel]="categoryLabel()"
            [yAxisLabel]="valueLabel()"
            [yAxisTickFormatting]="valueFormat()"
            [roundDomains]="true"
            [animations]="animations()"
          />
        }
      }
    </bs-chart-frame>
  `,
})
export class BarChartComponent {
  readonly label = input.required<string>();
  readonly data = input.required<readonly CategoryValue[]>();
  readonly orientation = input<BarChartOrientation>('vertical');
  readonly categoryLabel = input('');
  readonly valueLabel = input('');
  readonly height = input(300);
  readonly valueFormat = input<ValueFormatter>(formatNumber);
  readonly animations = input(true);
  readonly emptyHeading = input('No data yet');
  readonly emptyMessage = input<string>();

  protected readonly scheme = BANDSTAND_SCHEME;
  protected readonly results = computed(() => toNgxSingle(this.data()));
  protected readonly table = computed(() =>
    categoryTable(
      this.data(),
      this.categoryLabel() || 'Category',
      this.valueLabel() || 'Value',
      this.valueFormat(),
    ),
  );
}
