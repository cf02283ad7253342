import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { EmptyStateComponent } from '@bandstand/shared/web-ui';

/** The data behind a chart as a table, for screen readers and for copying. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Width used before the browser reports one (and in environments without layout). */
const FALLBACK_WIDTH = 600;

/**
 * The frame of every chart: a figure with its caption, an empty state when there is no data, a
 * canvas whose size follows the container (exposed as `view` for ngx-charts) and a visually
 * hidden table of the data, since the SVG itself says nothing to a screen reader.
 */
@Component({
  selector: 'bs-chart-frame',
  imports: [EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="bs-chart-figure">
      <figcaption class="bs-chart-caption" [class.bs-visually-hidden]="!showCaption()">
        {{ label() }}
      </figcaption>
      @if (empty()) {
        <bs-empty-state icon="monitoring" [heading]="emptyHeading()" [message]="emptyMessage()" />
      } @else {
        <div class="bs-chart-canvas" aria-hidden="true" [style.height.px]="height()">
          <ng-content />
        </div>
        <table class="bs-visually-hidden">
          <caption>
            {{
              label()
            }}
          </caption>
          <thead>
            <tr>
              @for (column of table().columns; track $index) {
                <th scope="col">{{ column }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of table().rows; track $index) {
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
  /** What the chart shows; its caption and accessible name. */
  readonly label = input.required<string>();
  readonly showCaption = input(true);
  /** Canvas height in CSS pixels; the width follows the container. */
  readonly height = input(300);
  readonly empty = input(false);
  readonly emptyHeading = input('No data yet');
  readonly emptyMessage = input<string>();
  readonly table = input<ChartTable>({ columns: [], rows: [] });

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Where the browser can measure, the chart waits for the first measurement (no flash at a wrong size). */
  private readonly width = signal(typeof ResizeObserver === 'undefined' ? FALLBACK_WIDTH : 0);

  /** The container's width in CSS pixels (0 until measured). */
  readonly measuredWidth = this.width.asReadonly();

  /** `[width, height]` for ngx-charts, or null while there is nothing to draw (yet). */
  readonly view = computed<[number, number] | null>(() => {
    const width = this.width();
    if (this.empty() || width <= 0) return null;
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
