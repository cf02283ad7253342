import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { ColorHelper, ScaleType } from '@swimlane/ngx-charts';
import { ChartBase } from '../base/chart-base.directive';
import { SEQUENTIAL_CLASSES } from '../chart-scheme';
import { type TerritoryValue } from '../chart-types';
import { ChartFrameComponent, type ChartTable } from '../frame/chart-frame.component';
import { type TileGrid, worldTileGrid } from './tile-grid-layout';

/** Grid pitch and tile size in SVG units. */
const STEP = 10;
const SIZE = 9.2;

/** A tile as drawn: where, what colour, what it says. */
interface DrawnTile {
  readonly code: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly value: number | null;
  readonly fill: string;
  readonly textFill: string;
  readonly description: string;
  /** Tooltip anchor, in % of the map's width and height. */
  readonly left: number;
  readonly top: number;
}

/** One class of the colour scale, with the range of the values that fell in it. */
interface LegendEntry {
  readonly color: string;
  readonly text: string;
}

/**
 * A world choropleth as a tile map: every territory is one labelled square at a grid position
 * that approximates geography (see `layoutTileGrid`), coloured by its value in quantile classes.
 * Territories with data are keyboard-focusable and show a tooltip on focus or hover; a legend and
 * the territories that are not on the grid come with it, and the frame adds the data table.
 * Real borders would need world geometry (the `world-atlas` and `topojson-client` packages).
 */
@Component({
  selector: 'bs-territory-map',
  imports: [ChartFrameComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './territory-map.component.html',
  styleUrl: './territory-map.component.scss',
})
export class TerritoryMapComponent extends ChartBase {
  /** One entry per territory, keyed by ISO 3166-1 alpha-2 code. */
  readonly data = input.required<readonly TerritoryValue[]>();
  /** What the values count, e.g. "streams"; used in tooltips and the table. */
  readonly valueLabel = input('Value');
  override readonly emptyHeading = input('No territory data yet');
  /** The grid to draw on; the world grid unless a test or a regional view needs another. */
  readonly grid = input<TileGrid>(worldTileGrid());

  protected readonly active = signal<DrawnTile | null>(null);

  private readonly values = computed(() => {
    const values = new Map<string, number>();
    for (const item of this.data()) values.set(item.territory.toUpperCase(), item.value);
    return values;
  });

  private readonly colors = computed(() => {
    const values = [...this.values().values()];
    const scheme = {
      name: 'bandstand-sequential',
      selectable: false,
      group: ScaleType.Quantile,
      domain: [...SEQUENTIAL_CLASSES],
    };
    return values.length === 0 ? null : new ColorHelper(scheme, ScaleType.Quantile, values);
  });

  readonly empty = computed(() => this.values().size === 0);
  protected readonly viewBox = computed(() => `0 0 ${this.grid().columns * STEP} ${this.grid().rows * STEP}`);
  protected readonly tileSize = SIZE;

  protected readonly tiles = computed<readonly DrawnTile[]>(() => {
    const { columns, rows, tiles } = this.grid();
    const values = this.values();
    const colors = this.colors();
    const format = this.valueFormat();
    return [...tiles]
      .sort((a, b) => a.row - b.row || a.column - b.column)
      .map((tile) => {
        const value = values.get(tile.code) ?? null;
        const color = value === null || !colors ? null : colors.getColor(value);
        const step = color === null ? -1 : SEQUENTIAL_CLASSES.indexOf(color);
        return {
          code: tile.code,
          name: tile.name,
          x: tile.column * STEP,
          y: tile.row * STEP,
          value,
          fill: color ?? 'var(--mat-sys-surface-container-highest)',
          textFill: step < 0 ? 'var(--mat-sys-on-surface-variant)' : `var(--bs-on-scale-${step + 1})`,
          description: `${tile.name}: ${value === null ? 'no data' : `${format(value)} ${this.valueLabel()}`}`,
          left: ((tile.column + 0.5) / columns) * 100,
          top: (tile.row / rows) * 100,
        };
      });
  });

  protected readonly legend = computed<readonly LegendEntry[]>(() => {
    const colors = this.colors();
    if (!colors) return [];
    const format = this.valueFormat();
    const ranges = new Map<string, { min: number; max: number }>();
    for (const value of this.values().values()) {
      const color = colors.getColor(value);
      const range = ranges.get(color);
      ranges.set(
        color,
        range
          ? { min: Math.min(range.min, value), max: Math.max(range.max, value) }
          : { min: value, max: value },
      );
    }
    return SEQUENTIAL_CLASSES.flatMap((color) => {
      const range = ranges.get(color);
      if (!range) return [];
      const text =
        range.min === range.max ? format(range.min) : `${format(range.min)} – ${format(range.max)}`;
      return [{ color, text }];
    });
  });

  /** Territories in the data that have no tile (unknown or non-ISO codes): listed, never dropped silently. */
  protected readonly unplaced = computed(() => {
    const known = new Set(this.grid().tiles.map((tile) => tile.code));
    const format = this.valueFormat();
    return [...this.values()]
      .filter(([code]) => !known.has(code))
      .map(([code, value]) => `${code} (${format(value)})`);
  });

  /** Every territory with data, tile or not, highest value first. */
  readonly table = computed<ChartTable>(() => {
    const names = new Map(this.grid().tiles.map((tile) => [tile.code, tile.name]));
    const format = this.valueFormat();
    return {
      columns: ['Territory', this.valueLabel()],
      rows: [...this.values()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, value]) => [names.get(code) ?? code, format(value)]),
    };
  });

  protected show(tile: DrawnTile): void {
    if (tile.value !== null) this.active.set(tile);
  }

  protected hide(tile: DrawnTile): void {
    if (this.active()?.code === tile.code) this.active.set(null);
  }
}
