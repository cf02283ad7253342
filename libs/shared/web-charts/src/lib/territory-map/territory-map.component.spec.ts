import atlas from 'world-atlas/countries-110m.json';
import { type TerritoryValue } from '../chart-types';
import { renderChart } from '../testing/render-chart';
import { TerritoryMapComponent } from './territory-map.component';

async function render(data: readonly TerritoryValue[]) {
  const { fixture, element } = await renderChart(TerritoryMapComponent, {
    label: 'Streams by territory',
    valueLabel: 'streams',
    valueFormat: (value: number) => value.toLocaleString('en-US'),
    data,
  });
  const territory = (code: string) => element.querySelector<SVGPathElement>(`path[data-territory="${code}"]`);
  const tooltip = () => element.querySelector<HTMLElement>('[role="tooltip"]');
  const settle = () => fixture.whenStable();
  return { fixture, element, territory, tooltip, settle };
}

describe('TerritoryMapComponent', () => {
  const data: readonly TerritoryValue[] = [
    { territory: 'BR', value: 90_000 },
    { territory: 'fr', value: 12_345 },
    { territory: 'DE', value: 4_000 },
    { territory: 'GB', value: 2_500 },
    { territory: 'SG', value: 700 },
    { territory: 'MT', value: 50 },
    { territory: 'US', value: 150_000 },
  ];

  it('draws one shape per country of the atlas (Antarctica aside), and names the map', async () => {
    const { element, territory } = await render(data);
    const shapes = element.querySelectorAll('path.bs-map-territory:not(.bs-map-marker)');
    expect(shapes).toHaveLength(atlas.objects.countries.geometries.length - 1);
    expect(territory('JP')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(element.querySelector('svg')?.getAttribute('aria-label')).toBe('Streams by territory');
    expect(element.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^-6 -6 960 \d+(\.\d\d?)?$/);
  });

  it('fills territories by quantile class, lowest to highest, and leaves the others neutral', async () => {
    const { territory } = await render(data);
    expect(territory('MT')?.style.fill).toBe('var(--bs-scale-1)');
    expect(territory('GB')?.style.fill).toBe('var(--bs-scale-2)');
    expect(territory('DE')?.style.fill).toBe('var(--bs-scale-3)');
    expect(territory('FR')?.style.fill).toBe('var(--bs-scale-4)');
    expect(territory('BR')?.style.fill).toBe('var(--bs-scale-5)');
    expect(territory('CH')?.style.fill).toBe('var(--mat-sys-surface-container-highest)');
    expect(territory('AR')?.style.fill).toBe('var(--mat-sys-surface-container-highest)');
  });

  it('draws territories too small for the atlas as markers where they have data', async () => {
    const { element, territory } = await render(data);
    const markers = [...element.querySelectorAll('path.bs-map-marker')];
    expect(markers.map((marker) => marker.getAttribute('data-territory'))).toEqual(['SG', 'MT']);
    expect(territory('SG')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+a4,4 /);
    expect(territory('SG')?.getAttribute('aria-label')).toBe('Singapore: 700 streams');
    expect(territory('MC')).toBeNull();
    expect(element.querySelector('.bs-map-unplaced')).toBeNull();
  });

  it('makes only territories with data focusable, highest value first, each described', async () => {
    const { element, territory } = await render(data);
    const focusable = [...element.querySelectorAll('[tabindex="0"]')].map((item) =>
      item.getAttribute('data-territory'),
    );
    expect(focusable).toEqual(['US', 'BR', 'FR', 'DE', 'GB', 'SG', 'MT']);
    expect(territory('FR')?.getAttribute('role')).toBe('img');
    expect(territory('FR')?.getAttribute('aria-label')).toBe('France: 12,345 streams');
    expect(territory('CH')?.hasAttribute('tabindex')).toBe(false);
    expect(territory('CH')?.getAttribute('aria-hidden')).toBe('true');
    expect(territory('CH')?.hasAttribute('aria-label')).toBe(false);
  });

  it('shows a tooltip on focus, hides it on Escape and blur, shows it again on Enter', async () => {
    const { element, territory, tooltip, settle } = await render(data);
    const france = territory('FR');
    if (!france) throw new Error('France is not drawn');
    france.focus();
    await settle();
    expect(document.activeElement).toBe(france);
    expect(tooltip()?.textContent?.trim()).toBe('France: 12,345 streams');
    expect(element.querySelector('.bs-map-highlight')?.getAttribute('d')).toBe(france.getAttribute('d'));
    // Equal Earth is centred on Greenwich: France sits just right of the middle, in the northern half.
    const left = Number.parseFloat(tooltip()?.style.left ?? '');
    const top = Number.parseFloat(tooltip()?.style.top ?? '');
    expect(left).toBeGreaterThan(50);
    expect(left).toBeLessThan(55);
    expect(top).toBeGreaterThan(15);
    expect(top).toBeLessThan(40);

    france.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
    expect(tooltip()).toBeNull();
    expect(element.querySelector('.bs-map-highlight')).toBeNull();
    france.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(tooltip()?.textContent?.trim()).toBe('France: 12,345 streams');
    france.blur();
    await settle();
    expect(tooltip()).toBeNull();
  });

  it('names a country without data on hover', async () => {
    const { territory, tooltip, settle } = await render(data);
    territory('CH')?.dispatchEvent(new MouseEvent('mouseenter'));
    await settle();
    expect(tooltip()?.textContent?.trim()).toBe('Switzerland: no data');
    territory('CH')?.dispatchEvent(new MouseEvent('mouseleave'));
    await settle();
    expect(tooltip()).toBeNull();
  });

  it('has a legend with the value range of each class and a no-data entry', async () => {
    const { element } = await render(data.slice(0, 5));
    const entries = [...element.querySelectorAll('.bs-map-legend li')].map((item) =>
      item.textContent?.trim(),
    );
    expect(entries).toEqual(['700', '2,500', '4,000', '12,345', '90,000', 'No data']);
  });

  it('lists codes it cannot place instead of dropping them, and ranks all in the table', async () => {
    const { element, territory } = await render([...data, { territory: 'XX', value: 7 }]);
    expect(territory('XX')).toBeNull();
    expect(element.querySelector('.bs-map-unplaced')?.textContent?.trim()).toBe('Not on the map: XX (7)');
    const rows = [...element.querySelectorAll('table tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual([
      'United States150,000',
      'Brazil90,000',
      'France12,345',
      'Germany4,000',
      'United Kingdom2,500',
      'Singapore700',
      'Malta50',
      'XX7',
    ]);
  });

  it('shows the empty state without data', async () => {
    const { element } = await render([]);
    expect(element.querySelector('svg')).toBeNull();
    expect(element.querySelector('bs-empty-state h3')?.textContent).toBe('No territory data yet');
  });
});
