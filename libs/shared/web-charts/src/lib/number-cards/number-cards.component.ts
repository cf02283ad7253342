import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NumberCardModule } from '@swimlane/ngx-charts';
import { ChartBase } from '../base/chart-base.directive';
import { toNgxSingle } from '../chart-data';
import { type NumberCard } from '../chart-types';
import { ChartFrameComponent, type ChartTable } from '../frame/chart-frame.component';

/** Narrowest card ngx-charts lays out before wrapping to a new row. */
const MIN_CARD_WIDTH = 150;
const ROW_HEIGHT = 140;

/** What ngx-charts hands to a number card's value formatter. */
interface CardData {
  readonly label: string;
  readonly value: number;
}

/** Headline figures as cards (e.g. dependency latencies, totals), wrapping on narrow screens. */
@Component({
  selector: 'bs-number-cards',
  imports: [ChartFrameComponent, NumberCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <bs-chart-frame #frame [chart]="this" [height]="heightFor(frame.measuredWidth())">
      @if (frame.view(); as view) {
        <ngx-charts-number-card
          [view]="view"
          [results]="results()"
          cardColor="var(--mat-sys-surface-container-high)"
          textColor="var(--mat-sys-on-surface)"
          bandColor="var(--bs-accent)"
          emptyColor="transparent"
          [valueFormatting]="formatCard"
          [animations]="animations()"
        />
      }
    </bs-chart-frame>
  `,
})
export class NumberCardsComponent extends ChartBase {
  readonly cards = input.required<readonly NumberCard[]>();
  readonly animations = input(true);
  override readonly emptyHeading = input('No figures yet');

  readonly empty = computed(() => this.cards().length === 0);
  readonly table = computed<ChartTable>(() => ({
    columns: ['Figure', 'Value'],
    rows: this.cards().map((card) => [card.label, this.format(card)]),
  }));

  protected readonly results = computed(() => toNgxSingle(this.cards()));

  private readonly units = computed(() => new Map(this.cards().map((card) => [card.label, card.unit])));

  /** ngx-charts calls this with the card's label and (while counting up) intermediate values. */
  protected readonly formatCard = (card: CardData): string => {
    const unit = this.units().get(card.label);
    return this.format({ label: card.label, value: card.value, unit });
  };

  /** Same row count as ngx-charts' grid: as many columns as fit at its minimum card width. */
  protected heightFor(width: number): number {
    const count = Math.max(1, this.cards().length);
    let rows = 1;
    let columns = count;
    if (width > MIN_CARD_WIDTH) {
      while (width / columns < MIN_CARD_WIDTH) {
        rows += 1;
        columns = Math.ceil(count / rows);
      }
    }
    return rows * ROW_HEIGHT;
  }

  private format(card: NumberCard): string {
    const text = this.valueFormat()(card.value);
    return card.unit ? `${text} ${card.unit}` : text;
  }
}
