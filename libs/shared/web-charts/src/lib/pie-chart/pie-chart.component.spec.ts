import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { PieChartComponent as NgxPieChart } from '@swimlane/ngx-charts';
import { type CategoryValue } from '../chart-types';
import { PieChartComponent } from './pie-chart.component';

const SHARES: readonly CategoryValue[] = [
  { label: 'Master', value: 70 },
  { label: 'Publishing', value: 30 },
];

async function render(data: readonly CategoryValue[], doughnut = false) {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
  const fixture = TestBed.createComponent(PieChartComponent);
  fixture.componentRef.setInput('label', 'Rights split');
  fixture.componentRef.setInput('data', data);
  fixture.componentRef.setInput('doughnut', doughnut);
  fixture.componentRef.setInput('animations', false);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('PieChartComponent', () => {
  it('draws one slice per category', async () => {
    const { fixture, element } = await render(SHARES, true);
    const chart = fixture.debugElement.query(By.directive(NgxPieChart)).componentInstance as NgxPieChart;
    expect(chart.results).toMatchObject([
      { name: 'Master', value: 70 },
      { name: 'Publishing', value: 30 },
    ]);
    expect(chart.doughnut).toBe(true);
    expect(element.querySelectorAll('g[ngx-charts-pie-arc] path.arc')).toHaveLength(2);
  });

  it('treats an all-zero pie as empty', async () => {
    const { element } = await render([{ label: 'Master', value: 0 }]);
    expect(element.querySelector('bs-empty-state')).not.toBeNull();
  });
});
