import { computed, Directive, input } from '@angular/core';
import { categoryTable, toNgxSingle } from '../chart-data';
import { BANDSTAND_SCHEME } from '../chart-scheme';
import { type CategoryValue } from '../chart-types';
import { ChartBase } from './chart-base.directive';

/** A chart of values by category (bars, pie slices): inputs, ngx-charts data and table. */
@Directive()
export abstract class CategoryChartBase extends ChartBase {
  readonly data = input.required<readonly CategoryValue[]>();
  /** What the categories and values are (axis titles where the chart has axes); empty: `Category` and `Value` in the table. */
  readonly categoryLabel = input('');
  readonly valueLabel = input('');
  /** Canvas height in CSS pixels; the width follows the container. */
  readonly height = input(300);
  readonly animations = input(true);

  readonly empty = computed(() => this.data().length === 0);
  readonly table = computed(() =>
    categoryTable(
      this.data(),
      this.categoryLabel() || 'Category',
      this.valueLabel() || 'Value',
      this.valueFormat(),
    ),
  );

  protected readonly scheme = BANDSTAND_SCHEME;
  protected readonly results = computed(() => toNgxSingle(this.data()));
}
