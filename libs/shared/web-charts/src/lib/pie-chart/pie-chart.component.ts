import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LegendPosition, PieChartModule } from '@swimlane/ngx-charts';
import { categoryTable, toNgxSingle } from '../bar-chart/bar-chart.component';
import { BANDSTAND_SCHEME } from '../chart-scheme';
import { type CategoryValue, formatNumber, type ValueFormatter } from '../chart-types';
import { ChartFrameComponent } from '../frame/chart-frame.component';

/** Share of a whole by category, as a pie or a doughnut, with a legend below. */
@Component({
  selector: 'bs-pie-chart',
  imports: [ChartFrameComponent, PieChartModule],
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
        <ngx-charts-pie-chart
          [view]="view"
          [results]="results()"
          [scheme]="scheme"
          [legend]="true"
          [legendPosition]="legendBelow"
          legendTitle=""
          [doughnut]="doughnut()"
          [labels]="false"
          [animations]="animations()"
        />
      }
    </bs-chart-frame>
  `,
})
export class PieChartComponent {
  readonly label = input.required<string>();
  readonly data = input.required<readonly CategoryValue[]>();
  readonly doughnut = input(false);
  readonly categoryLabel = input('Category');
  readonly valueLabel = input('Value');
  readonly height = input(300);
  readonly valueFormat = input<ValueFormatter>(formatNumber);
  readonly animations = input(true);
  readonly emptyHeading = input('No data yet');
  readonly emptyMessage = input<string>();

  protected readonly scheme = BANDSTAND_SCHEME;
  protected readonly legendBelow = LegendPosition.Below;
  /** A pie of nothing but zeros has no slices to draw. */
  protected readonly empty = computed(() => !this.data().some((item) => item.value > 0));
  protected readonly results = computed(() => toNgxSingle(this.data()));
  protected readonly table = computed(() =>
    categoryTable(this.data(), this.categoryLabel(), this.valueLabel(), this.valueFormat()),
  );
}
