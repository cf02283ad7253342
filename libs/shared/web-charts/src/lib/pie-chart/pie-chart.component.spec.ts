import { PieChartComponent as NgxPieChart } from '@swimlane/ngx-charts';
import { type CategoryValue } from '../chart-types';
import { childComponent, renderChart } from '../testing/render-chart';
import { PieChartComponent } from './pie-chart.component';

const SHARES: readonly CategoryValue[] = [
  { label: 'Master', value: 70 },
  { label: 'Publishing', value: 30 },
];

function render(data: readonly CategoryValue[], doughnut = false) {
  return renderChart(PieChartComponent, { label: 'Rights split', data, doughnut, animations: false });
}

describe('PieChartComponent', () => {
  it('draws one slice per category', async () => {
    const { fixture, element } = await render(SHARES, true);
    const chart = childComponent(fixture, NgxPieChart);
    expect(chart?.results).toMatchObject([
      { name: 'Master', value: 70 },
      { name: 'Publishing', value: 30 },
    ]);
    expect(chart?.doughnut).toBe(true);
    expect(element.querySelectorAll('g[ngx-charts-pie-arc] path.arc')).toHaveLength(2);
  });

  it('heads the accessible table with Category and Value unless told otherwise', async () => {
    const { element } = await render(SHARES);
    expect([...element.querySelectorAll('table th')].map((cell) => cell.textContent)).toEqual([
      'Category',
      'Value',
    ]);
    expect(element.querySelector('table tbody tr')?.textContent).toBe('Master70');
  });

  it('treats an all-zero pie as empty', async () => {
    const { element } = await render([{ label: 'Master', value: 0 }]);
    expect(element.querySelector('bs-empty-state')).not.toBeNull();
  });
});
