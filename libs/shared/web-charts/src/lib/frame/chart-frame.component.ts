import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  type Signal,
  signal,
} from '@angular/core';
import { EmptyStateComponent } from '@bandstand/shared/web-ui';

/** The data behind a chart as a table, for screen readers and for copying. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * What the frame shows around a chart. Every chart of this library is one (see `ChartBase`) and
 * hands itself to its frame, so a chart cannot forget to pass one of these on.
 */
export interface FramedChart {
  /** What the chart shows; its caption and accessible name. */
  readonly label: Signal<string>;
  /** False hides the caption visually; it stays the accessible name. */
  readonly showCaption: Signal<boolean>;
  readonly empty: Signal<boolean>;
  readonly emptyHeading: Signal<string>;
  readonly emptyMessage: Signal<string | undefined>;
  readonly table: Signal<ChartTable>;
}

/** Width used before the browser reports one (and in environments without layout). */
const FALLBACK_WIDTH = 600;

/**
 * The frame of every chart: a figure with its caption, an empty state when there is no data, a
 * canvas for the projected chart and a visually hidden table of the data, since an ngx-charts SVG
 * says nothing to a screen reader. The canvas's size follows the container and is exposed as
 * `view` for ngx-charts; an `interactive` chart (focusable, labelled marks that size themselves)
 * is neither hidden from screen readers, held to a height nor clipped.
 */
@Component({
  selector: 'bs-chart-frame',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Text goes in through [textContent]: formatting must not add white space to the caption.
  template: `
    @let framed = chart();
    <figure class="bs-chart-figure">
      <figcaption
        class="bs-chart-caption"
        [class.bs-visually-hidden]="!framed.showCaption()"
        [textContent]="framed.label()"
      ></figcaption>
      @if (framed.empty()) {
        <bs-empty-state
          [icon]="emptyIcon()"
          [heading]="framed.emptyHeading()"
          [message]="framed.emptyMessage()"
        />
      } @else {
        <div
          class="bs-chart-canvas"
          [class.bs-chart-canvas--interactive]="interactive()"
          [attr.aria-hidden]="interactive() ? null : 'true'"
          [style.height.px]="interactive() ? null : height()"
        >
          <ng-content />
        </div>
        <table class="bs-visually-hidden">
          <caption [textContent]="framed.label()"></caption>
          <thead>
            <tr>
              @for (column of framed.table().columns; track $index) {
                <th scope="col">{{ column }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of framed.table().rows; track $index) {
              <tr>
                @for (cell of row; track $index) {
                  <td>{{ cell }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
    </figure>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .bs-chart-figure {
      margin: 0;
    }
    .bs-chart-caption {
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .bs-chart-canvas {
      position: relative;
      width: 100%;
      overflow: hidden;
    }
    .bs-chart-canvas--interactive {
      overflow: visible;
    }
    .bs-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class ChartFrameComponent {
  /** The chart in the frame: its caption, emptiness, empty state and data table. */
  readonly chart = input.required<FramedChart>();
  /** Canvas height in CSS pixels; the width follows the container. */
  readonly height = input(300);
  /** The chart is accessible by itself and sizes itself (e.g. an SVG with a viewBox and focusable marks). */
  readonly interactive = input(false);
  /** Material Symbols icon of the empty state. */
  readonly emptyIcon = input('monitoring');

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Where the browser can measure, the chart waits for the first measurement (no flash at a wrong size). */
  private readonly width = signal(typeof ResizeObserver === 'undefined' ? FALLBACK_WIDTH : 0);

  /** The container's width in CSS pixels (0 until measured). */
  readonly measuredWidth = this.width.asReadonly();

  /** `[width, height]` for ngx-charts, or null while there is nothing to draw (yet). */
  readonly view = computed<[number, number] | null>(() => {
    const width = this.width();
    if (this.chart().empty() || width <= 0) return null;
    return [Math.floor(width), this.height()];
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      // Without layout (tests) the chart keeps the fallback width.
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (entry && entry.contentRect.width > 0) this.width.set(entry.contentRect.width);
      });
      observer.observe(this.host.nativeElement);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
