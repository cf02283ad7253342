import { LineChartComponent as NgxLineChart } from '@swimlane/ngx-charts';
import { type ChartSeries } from '../chart-types';
import { childComponent, renderChart } from '../testing/render-chart';
import { LineChartComponent } from './line-chart.component';

const SERIES: readonly ChartSeries[] = [
  {
    name: 'Streams',
    points: [
      { x: new Date('2025-01-01T00:00:00Z'), y: 120 },
      { x: new Date('2025-02-01T00:00:00Z'), y: 340 },
      { x: new Date('2025-03-01T00:00:00Z'), y: 290 },
    ],
  },
  {
    name: 'Downloads',
    points: [
      { x: new Date('2025-01-01T00:00:00Z'), y: 12 },
      { x: new Date('2025-02-01T00:00:00Z'), y: 30 },
      { x: new Date('2025-03-01T00:00:00Z'), y: 21 },
    ],
  },
];

function render(series: readonly ChartSeries[]) {
  return renderChart(LineChartComponent, {
    label: 'Monthly plays',
    series,
    yAxisLabel: 'Plays',
    animations: false,
  });
}

describe('LineChartComponent', () => {
  it('hands ngx-charts one series per line with x as name and y as value, sized to the container', async () => {
    const { fixture } = await render(SERIES);
    const chart = childComponent(fixture, NgxLineChart);
    expect(chart?.results).toMatchObject([
      { name: 'Streams', series: SERIES[0]?.points.map((point) => ({ name: point.x, value: point.y })) },
      { name: 'Downloads', series: SERIES[1]?.points.map((point) => ({ name: point.x, value: point.y })) },
    ]);
    expect(chart?.view).toEqual([600, 300]);
    expect(chart?.legend).toBe(true);
    expect(chart?.yAxisLabel).toBe('Plays');
  });

  it('draws one line per series and captions the figure', async () => {
    const { element } = await render(SERIES);
    expect(element.querySelectorAll('g.line-series path.line')).toHaveLength(2);
    expect(element.querySelector('figcaption')?.textContent).toBe('Monthly plays');
    expect(element.querySelector('.bs-chart-canvas')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives screen readers the data as a table', async () => {
    const { element } = await render(SERIES);
    const rows = [...element.querySelectorAll('table tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual(['Streams', '2025-02-01', (340).toLocaleString()]);
    expect([...element.querySelectorAll('table th')].map((cell) => cell.textContent)).toEqual([
      'Series',
      'x',
      'Plays',
    ]);
  });

  it('draws categorical x values too (without rounding a domain that cannot be rounded)', async () => {
    const { element } = await render([
      {
        name: 'Plays',
        points: [
          { x: 'Mon', y: 3 },
          { x: 'Tue', y: 5 },
        ],
      },
    ]);
    expect(element.querySelectorAll('g.line-series path.line')).toHaveLength(1);
  });

  it('shows the empty state instead of a chart when there are no points', async () => {
    const { element, fixture } = await render([{ name: 'Streams', points: [] }]);
    expect(childComponent(fixture, NgxLineChart)).toBeNull();
    expect(element.querySelector('bs-empty-state h3')?.textContent).toBe('No data yet');
  });
});
