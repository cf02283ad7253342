import { Directive, input, type Signal } from '@angular/core';
import { formatNumber, type ValueFormatter } from '../chart-types';
import { type ChartTable, type FramedChart } from '../frame/chart-frame.component';

/**
 * The inputs every chart of this library takes, and what its frame needs from it: each chart
 * says when it has nothing to draw and how its data reads as a table, and passes itself to its
 * `bs-chart-frame` as `[chart]="this"`.
 */
@Directive()
export abstract class ChartBase implements FramedChart {
  /** What the chart shows; its caption and accessible name. */
  readonly label = input.required<string>();
  /** False hides the caption visually (e.g. under a heading that says the same); it stays the accessible name. */
  readonly showCaption = input(true);
  /** Formats values for axis ticks, tooltips and the data table. */
  readonly valueFormat = input<ValueFormatter>(formatNumber);
  readonly emptyHeading = input('No data yet');
  readonly emptyMessage = input<string>();

  abstract readonly empty: Signal<boolean>;
  abstract readonly table: Signal<ChartTable>;
}
