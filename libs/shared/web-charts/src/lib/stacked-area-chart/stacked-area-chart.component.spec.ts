import { AreaChartStackedComponent } from '@swimlane/ngx-charts';
import { type ChartSeries } from '../chart-types';
import { childComponent, renderChart } from '../testing/render-chart';
import { StackedAreaChartComponent } from './stacked-area-chart.component';

const EARNINGS: readonly ChartSeries[] = [
  {
    name: 'Streaming',
    points: [
      { x: 'Jan', y: 10 },
      { x: 'Feb', y: 14 },
      { x: 'Mar', y: 9 },
    ],
  },
  {
    name: 'Merch',
    points: [
      { x: 'Jan', y: 4 },
      { x: 'Feb', y: 2 },
      { x: 'Mar', y: 7 },
    ],
  },
];

function render(series: readonly ChartSeries[]) {
  return renderChart(StackedAreaChartComponent, { label: 'Earnings by source', series, animations: false });
}

describe('StackedAreaChartComponent', () => {
  it('stacks one area per series', async () => {
    const { fixture, element } = await render(EARNINGS);
    const chart = childComponent(fixture, AreaChartStackedComponent);
    expect(chart?.results).toMatchObject([
      {
        name: 'Streaming',
        series: [
          { name: 'Jan', value: 10 },
          { name: 'Feb', value: 14 },
          { name: 'Mar', value: 9 },
        ],
      },
      {
        name: 'Merch',
        series: [
          { name: 'Jan', value: 4 },
          { name: 'Feb', value: 2 },
          { name: 'Mar', value: 7 },
        ],
      },
    ]);
    expect(element.querySelectorAll('g.area-series')).toHaveLength(2);
    expect(chart?.yDomain).toEqual([0, 16]);
  });

  it('shows the empty state when no series has points', async () => {
    const { element } = await render([]);
    expect(element.querySelector('bs-empty-state')).not.toBeNull();
  });
});
