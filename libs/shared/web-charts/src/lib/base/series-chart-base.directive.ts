import { computed, Directive, input } from '@angular/core';
import { LegendPosition } from '@swimlane/ngx-charts';
import { hasContinuousX, seriesTable, toNgxSeries } from '../chart-data';
import { BANDSTAND_SCHEME } from '../chart-scheme';
import { type ChartSeries } from '../chart-types';
import { ChartBase } from './chart-base.directive';

/** A chart of one or more series over a shared x axis: inputs, ngx-charts data and table. */
@Directive()
export abstract class SeriesChartBase extends ChartBase {
  readonly series = input.required<readonly ChartSeries[]>();
  /** Axis titles; empty: no title (the table then says `x` and `Value`). */
  readonly xAxisLabel = input('');
  readonly yAxisLabel = input('');
  /** Canvas height in CSS pixels; the width follows the container. */
  readonly height = input(300);
  readonly animations = input(true);

  readonly empty = computed(() => this.series().every((one) => one.points.length === 0));
  readonly table = computed(() =>
    seriesTable(this.series(), this.xAxisLabel() || 'x', this.yAxisLabel() || 'Value', this.valueFormat()),
  );

  protected readonly scheme = BANDSTAND_SCHEME;
  protected readonly legendBelow = LegendPosition.Below;
  protected readonly results = computed(() => toNgxSeries(this.series()));
  protected readonly roundDomains = computed(() => hasContinuousX(this.series()));
}
