import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { CategoryChartBase } from '../base/category-chart-base.directive';
import { ChartFrameComponent } from '../frame/chart-frame.component';

/** Which way the bars run. */
export type BarChartOrientation = 'vertical' | 'horizontal';

/** A bar chart of categories, vertical (columns) or horizontal (good for long labels and rankings). */
@Component({
  selector: 'bs-bar-chart',
  imports: [ChartFrameComponent, BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <bs-chart-frame #frame [chart]="this" [height]="height()">
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
export class BarChartComponent extends CategoryChartBase {
  readonly orientation = input<BarChartOrientation>('vertical');
}
