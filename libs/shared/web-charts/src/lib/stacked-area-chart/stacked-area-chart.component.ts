import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AreaChartModule } from '@swimlane/ngx-charts';
import { SeriesChartBase } from '../base/series-chart-base.directive';
import { ChartFrameComponent } from '../frame/chart-frame.component';

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
    <bs-chart-frame #frame [chart]="this" [height]="height()">
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
export class StackedAreaChartComponent extends SeriesChartBase {}
