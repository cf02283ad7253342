import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';
import { SeriesChartBase } from '../base/series-chart-base.directive';
import { ChartFrameComponent } from '../frame/chart-frame.component';

/** A line chart of one or more series over a shared x axis (time, numbers or categories). */
@Component({
  selector: 'bs-line-chart',
  imports: [ChartFrameComponent, LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <bs-chart-frame #frame [chart]="this" [height]="height()">
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
export class LineChartComponent extends SeriesChartBase {
  /** Start the y axis at the data's minimum rather than zero. */
  readonly autoScale = input(false);
}
