import { type TerritoryValue } from '../chart-types';
import { renderChart } from '../testing/render-chart';
import { TerritoryMapComponent } from './territory-map.component';
import { type TileGrid } from './tile-grid-layout';

const SMALL_GRID: TileGrid = {
  columns: 3,
  rows: 2,
  tiles: [
    { code: 'GB', name: 'United Kingdom', column: 0, row: 0 },
    { code: 'DE', name: 'Germany', column: 1, row: 0 },
    { code: 'PL', name: 'Poland', column: 2, row: 0 },
    { code: 'FR', name: 'France', column: 0, row: 1 },
    { code: 'CH', name: 'Switzerland', column: 1, row: 1 },
    { code: 'AT', name: 'Austria', column: 2, row: 1 },
  ],
};

async function render(data: readonly TerritoryValue[], grid?: TileGrid) {
  const { fixture, element } = await renderChart(TerritoryMapComponent, {
    label: 'Listeners by territory',
    valueLabel: 'listeners',
    data,
    ...(grid ? { grid } : {}),
  });
  const tile = (code: string) => element.querySelector<SVGGElement>(`g[data-territory="${code}"]`);
  return { fixture, element, tile };
}

describe('TerritoryMapComponent', () => {
  const data: readonly TerritoryValue[] = [
    { territory: 'GB', value: 100 },
    { territory: 'de', value: 400 },
    { territory: 'FR', value: 250 },
    { territory: 'PL', value: 50 },
    { territory: 'AT', value: 900 },
  ];

  it('draws every territory of the world grid, labelled with its code', async () => {
    const { element } = await render(data);
    expect(element.querySelectorAll('g.bs-tile').length).toBeGreaterThan(190);
    expect(element.querySelector('g[data-territory="JP"] text')?.textContent?.trim()).toBe('JP');
    expect(element.querySelector('svg')?.getAttribute('aria-label')).toBe('Listeners by territory');
  });

  it('colours tiles by quantile class, lowest to highest, and leaves territories without data neutral', async () => {
    const { tile } = await render(data, SMALL_GRID);
    expect(tile('PL')?.querySelector('rect')?.style.fill).toBe('var(--bs-scale-1)');
    expect(tile('AT')?.querySelector('rect')?.style.fill).toBe('var(--bs-scale-5)');
    expect(tile('DE')?.querySelector('rect')?.style.fill).toBe('var(--bs-scale-4)');
    expect(tile('CH')?.querySelector('rect')?.style.fill).toBe('var(--mat-sys-surface-container-highest)');
  });

  it('makes only territories with data focusable, describes each, and shows a tooltip on focus', async () => {
    const { tile, element, fixture } = await render(data, SMALL_GRID);
    expect(tile('DE')?.getAttribute('tabindex')).toBe('0');
    expect(tile('CH')?.hasAttribute('tabindex')).toBe(false);
    expect(tile('DE')?.getAttribute('aria-label')).toBe('Germany: 400 listeners');
    expect(tile('CH')?.getAttribute('aria-label')).toBe('Switzerland: no data');

    tile('DE')?.dispatchEvent(new FocusEvent('focus'));
    await fixture.whenStable();
    expect(element.querySelector('[role="tooltip"]')?.textContent?.trim()).toBe('Germany: 400 listeners');
    tile('DE')?.dispatchEvent(new FocusEvent('blur'));
    await fixture.whenStable();
    expect(element.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('has a legend with the value range of each class and a no-data entry', async () => {
    const { element } = await render(data, SMALL_GRID);
    const entries = [...element.querySelectorAll('.bs-map-legend li')].map((item) =>
      item.textContent?.trim(),
    );
    expect(entries).toEqual(['50', '100', '250', '400', '900', 'No data']);
  });

  it('lists territories it cannot place instead of dropping them, and ranks all in the table', async () => {
    const { element } = await render([...data, { territory: 'XK', value: 7 }], SMALL_GRID);
    expect(element.querySelector('.bs-map-unplaced')?.textContent).toContain('XK (7)');
    const rows = [...element.querySelectorAll('table tbody tr')].map((row) => row.textContent);
    expect(rows[0]).toBe('Austria900');
    expect(rows.at(-1)).toBe('XK7');
  });

  it('shows the empty state without data', async () => {
    const { element } = await render([]);
    expect(element.querySelector('svg')).toBeNull();
    expect(element.querySelector('bs-empty-state h3')?.textContent).toBe('No territory data yet');
  });
});
