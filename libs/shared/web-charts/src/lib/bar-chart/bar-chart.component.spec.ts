import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { BarHorizontalComponent, BarVerticalComponent } from '@swimlane/ngx-charts';
import { type CategoryValue } from '../chart-types';
import { BarChartComponent, type BarChartOrientation } from './bar-chart.component';

const PLATFORMS: readonly CategoryValue[] = [
  { label: 'Streaming', value: 5400 },
  { label: 'Downloads', value: 800 },
  { label: 'Vinyl', value: 1200 },
];

async function render(data: readonly CategoryValue[], orientation: BarChartOrientation = 'vertical') {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
  const fixture = TestBed.createComponent(BarChartComponent);
  fixture.componentRef.setInput('label', 'Sales by platform');
  fixture.componentRef.setInput('data', data);
  fixture.componentRef.setInput('orientation', orientation);
  fixture.componentRef.setInput('valueLabel', 'Units');
  fixture.componentRef.setInput('animations', false);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('BarChartComponent', () => {
  it('draws vertical bars from typed categories', async () => {
    const { fixture, element } = await render(PLATFORMS);
    const chart = fixture.debugElement.query(By.directive(BarVerticalComponent))
      .componentInstance as BarVerticalComponent;
    expect(chart.results).toMatchObject([
      { name: 'Streaming', value: 5400 },
      { name: 'Downloads', value: 800 },
      { name: 'Vinyl', value: 1200 },
    ]);
    expect(chart.yAxisLabel).toBe('Units');
    expect(element.querySelectorAll('path.bar')).toHaveLength(3);
    expect(fixture.debugElement.query(By.directive(BarHorizontalComponent))).toBeNull();
  });

  it('draws horizontal bars with the value on the x axis', async () => {
    const { fixture, element } = await render(PLATFORMS, 'horizontal');
    const chart = fixture.debugElement.query(By.directive(BarHorizontalComponent))
      .componentInstance as BarHorizontalComponent;
    expect(chart.xAxisLabel).toBe('Units');
    expect(element.querySelectorAll('path.bar')).toHaveLength(3);
    expect(fixture.debugElement.query(By.directive(BarVerticalComponent))).toBeNull();
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
