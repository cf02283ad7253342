import { NumberCardComponent } from '@swimlane/ngx-charts';
import { type NumberCard } from '../chart-types';
import { childComponent, renderChart } from '../testing/render-chart';
import { NumberCardsComponent } from './number-cards.component';

const LATENCIES: readonly NumberCard[] = [
  { label: 'postgres', value: 3, unit: 'ms' },
  { label: 'redis', value: 1, unit: 'ms' },
  { label: 'queue depth', value: 12 },
];

function render(cards: readonly NumberCard[]) {
  return renderChart(NumberCardsComponent, { label: 'Dependency latency', cards, animations: false });
}

describe('NumberCardsComponent', () => {
  it('hands ngx-charts one card per figure and formats values with their unit', async () => {
    const { fixture, element } = await render(LATENCIES);
    const chart = childComponent(fixture, NumberCardComponent);
    expect(chart?.results).toMatchObject([
      { name: 'postgres', value: 3 },
      { name: 'redis', value: 1 },
      { name: 'queue depth', value: 12 },
    ]);
    const format = chart?.valueFormatting as (card: { label: string; value: number }) => string;
    expect(format({ label: 'postgres', value: 3 })).toBe('3 ms');
    expect(format({ label: 'queue depth', value: 12 })).toBe('12');
    expect(element.querySelectorAll('g[ngx-charts-card]')).toHaveLength(3);
    expect([...element.querySelectorAll('table tbody tr')].map((row) => row.textContent)).toEqual([
      'postgres3 ms',
      'redis1 ms',
      'queue depth12',
    ]);
  });

  it('wraps to more rows when the container is too narrow for one', async () => {
    const { fixture } = await render(LATENCIES);
    const chart = childComponent(fixture, NumberCardComponent);
    expect(chart?.view).toEqual([600, 140]);
  });

  it('shows the empty state without figures', async () => {
    const { element } = await render([]);
    expect(element.querySelector('bs-empty-state h3')?.textContent).toBe('No figures yet');
  });
});
