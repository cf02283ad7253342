import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { ColorHelper, ScaleType } from '@swimlane/ngx-charts';
import { ChartBase } from '../base/chart-base.directive';
import { SEQUENTIAL_CLASSES } from '../chart-scheme';
import { type TerritoryValue } from '../chart-types';
import { ChartFrameComponent, type ChartTable } from '../frame/chart-frame.component';
import { circlePath, MARKER_RADIUS, worldMap } from './world-map-geometry';

/** Fill of a territory without data. */
const NO_DATA_FILL = 'var(--mat-sys-surface-container-highest)';

/** A country or a marker as drawn: its outline, colour and what it says. */
interface DrawnTerritory {
  /** Unique among drawn territories. */
  readonly key: string;
  readonly code: string | null;
  readonly name: string;
  /** SVG path data: the country's borders, or a circle for a territory too small for the atlas. */
  readonly d: string;
  readonly marker: boolean;
  readonly value: number | null;
  readonly fill: string;
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
 * A world choropleth: the countries of Natural Earth's 1:110m atlas in the Equal Earth projection,
 * coloured by their value in quantile classes; territories too small for that atlas (Singapore,
 * Malta, the Caribbean islands…) are drawn as circles where they lie. Territories with data are
 * keyboard-focusable, highest value first, and show a tooltip on focus, Enter or hover; a legend
 * and the codes that cannot be placed come with it, and the frame adds the data table.
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

  private readonly activeKey = signal<string | null>(null);

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

  /** Projected only once the map is drawn, so that an empty chart costs nothing. */
  private readonly world = computed(() => (this.empty() ? null : worldMap()));

  protected readonly viewBox = computed(() => {
    const box = this.world()?.viewBox;
    return box ? `${box.x} ${box.y} ${box.width} ${box.height}` : null;
  });

  /**
   * Countries first, those without data before those with data, then the markers: later ones are
   * painted over earlier ones, and the document order is the tab order (highest value first).
   */
  protected readonly territories = computed<readonly DrawnTerritory[]>(() => {
    const world = this.world();
    if (!world) return [];
    const values = this.values();
    const colors = this.colors();
    const format = this.valueFormat();
    const unit = this.valueLabel();
    const box = world.viewBox;
    const draw = (
      key: string,
      code: string | null,
      name: string,
      d: string,
      marker: boolean,
      [x, y]: readonly [number, number],
    ): DrawnTerritory => {
      const value = code === null ? null : (values.get(code) ?? null);
      return {
        key,
        code,
        name,
        d,
        marker,
        value,
        fill: value === null || !colors ? NO_DATA_FILL : colors.getColor(value),
        description: `${name}: ${value === null ? 'no data' : `${format(value)} ${unit}`}`,
        left: ((x - box.x) / box.width) * 100,
        top: ((y - box.y) / box.height) * 100,
      };
    };
    const shapes = world.shapes.map((shape) =>
      draw(shape.key, shape.code, shape.name, shape.d, false, shape.anchor),
    );
    const markers = world.shapeless
      .filter((centroid) => values.has(centroid.code))
      .map((centroid) => {
        const [x, y] = world.project(centroid.lon, centroid.lat);
        return draw(centroid.code, centroid.code, centroid.name, circlePath(x, y, MARKER_RADIUS), true, [
          x,
          y,
        ]);
      });
    const byValue = (a: DrawnTerritory, b: DrawnTerritory) =>
      (b.value ?? 0) - (a.value ?? 0) || a.name.localeCompare(b.name);
    return [
      ...shapes.filter((shape) => shape.value === null),
      ...shapes.filter((shape) => shape.value !== null).sort(byValue),
      ...markers.sort(byValue),
    ];
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

  /** The territory whose tooltip shows; looked up by key, so that its text follows the data. */
  protected readonly active = computed(() => {
    const key = this.activeKey();
    return key === null ? null : (this.territories().find((territory) => territory.key === key) ?? null);
  });

  private readonly names = computed(() => {
    const names = new Map<string, string>();
    for (const territory of this.territories()) if (territory.code) names.set(territory.code, territory.name);
    return names;
  });

  /** Territories in the data that are neither a shape nor a marker (unknown or non-ISO codes): listed, never dropped silently. */
  protected readonly unplaced = computed(() => {
    const names = this.names();
    const format = this.valueFormat();
    return [...this.values()]
      .filter(([code]) => !names.has(code))
      .map(([code, value]) => `${code} (${format(value)})`);
  });

  /** Every territory with data, on the map or not, highest value first. */
  readonly table = computed<ChartTable>(() => {
    const names = this.names();
    const format = this.valueFormat();
    return {
      columns: ['Territory', this.valueLabel()],
      rows: [...this.values()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, value]) => [names.get(code) ?? code, format(value)]),
    };
  });

  /** Hover shows any territory (its name helps find one's way); focus and Enter only reach those with data. */
  protected show(territory: DrawnTerritory): void {
    this.activeKey.set(territory.key);
  }

  protected hide(territory: DrawnTerritory): void {
    if (this.activeKey() === territory.key) this.activeKey.set(null);
  }
}
