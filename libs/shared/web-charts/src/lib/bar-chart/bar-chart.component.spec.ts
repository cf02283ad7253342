import { BarHorizontalComponent, BarVerticalComponent } from '@swimlane/ngx-charts';
import { type CategoryValue } from '../chart-types';
import { childComponent, renderChart } from '../testing/render-chart';
import { BarChartComponent, type BarChartOrientation } from './bar-chart.component';

const PLATFORMS: readonly CategoryValue[] = [
  { label: 'Streaming', value: 5400 },
  { label: 'Downloads', value: 800 },
  { label: 'Vinyl', value: 1200 },
];

function render(data: readonly CategoryValue[], orientation: BarChartOrientation = 'vertical') {
  return renderChart(BarChartComponent, {
    label: 'Sales by platform',
    data,
    orientation,
    valueLabel: 'Units',
    animations: false,
  });
}

describe('BarChartComponent', () => {
  it('draws vertical bars from typed categories', async () => {
    const { fixture, element } = await render(PLATFORMS);
    const chart = childComponent(fixture, BarVerticalComponent);
    expect(chart?.results).toMatchObject([
      { name: 'Streaming', value: 5400 },
      { name: 'Downloads', value: 800 },
      { name: 'Vinyl', value: 1200 },
    ]);
    expect(chart?.yAxisLabel).toBe('Units');
    expect(element.querySelectorAll('path.bar')).toHaveLength(3);
    expect(childComponent(fixture, BarHorizontalComponent)).toBeNull();
  });

  it('draws horizontal bars with the value on the x axis', async () => {
    const { fixture, element } = await render(PLATFORMS, 'horizontal');
    const chart = childComponent(fixture, BarHorizontalComponent);
    expect(chart?.xAxisLabel).toBe('Units');
    expect(element.querySelectorAll('path.bar')).toHaveLength(3);
    expect(childComponent(fixture, BarVerticalComponent)).toBeNull();
  });

  it('lists the categories in the accessible table', async () => {
    const { element } = await render(PLATFORMS);
    expect(
      [...element.querySelectorAll('table tbody td:first-child')].map((cell) => cell.textContent),
    ).toEqual(['Streaming', 'Downloads', 'Vinyl']);
  });

  it('shows the empty state when there are no categories', async () => {
    const { element } = await render([]);
    expect(element.querySelector('svg')).toBeNull();
    expect(element.querySelector('bs-empty-state')).not.toBeNull();
  });
});
