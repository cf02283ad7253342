import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LegendPosition, PieChartModule } from '@swimlane/ngx-charts';
import { CategoryChartBase } from '../base/category-chart-base.directive';
import { ChartFrameComponent } from '../frame/chart-frame.component';

/** Share of a whole by category, as a pie or a doughnut, with a legend below. */
@Component({
  selector: 'bs-pie-chart',
  imports: [ChartFrameComponent, PieChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <bs-chart-frame #frame [chart]="this" [height]="height()">
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
export class PieChartComponent extends CategoryChartBase {
  readonly doughnut = input(false);

  /** A pie of nothing but zeros has no slices to draw. */
  override readonly empty = computed(() => !this.data().some((item) => item.value > 0));
  protected readonly legendBelow = LegendPosition.Below;
}
