import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { AreaChartStackedComponent } from '@swimlane/ngx-charts';
import { type ChartSeries } from '../chart-types';
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

async function render(series: readonly ChartSeries[]) {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
  const fixture = TestBed.createComponent(StackedAreaChartComponent);
  fixture.componentRef.setInput('label', 'Earnings by source');
  fixture.componentRef.setInput('series', series);
  fixture.componentRef.setInput('animations', false);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('StackedAreaChartComponent', () => {
  it('stacks one area per series', async () => {
    const { fixture, element } = await render(EARNINGS);
    const chart = fixture.debugElement.query(By.directive(AreaChartStackedComponent))
      .componentInstance as AreaChartStackedComponent;
    expect(chart.results).toMatchObject([
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
    expect(chart.yDomain).toEqual([0, 16]);
  });

  it('shows the empty state when no series has points', async () => {
    const { element } = await render([]);
    expect(element.querySelector('bs-empty-state')).not.toBeNull();
  });
});
