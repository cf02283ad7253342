import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartBase } from '../base/chart-base.directive';
import { renderChart } from '../testing/render-chart';
import { ChartFrameComponent, type ChartTable } from './chart-frame.component';

/** The smallest chart there is: prints the view it is given where a wrapper draws its ngx-chart. */
@Component({
  selector: 'bs-test-chart',
  imports: [ChartFrameComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-chart-frame #frame [chart]="this" [height]="120" [interactive]="interactive()" emptyIcon="public">
      @if (frame.view(); as view) {
        <span class="drawn">{{ view[0] }}×{{ view[1] }}</span>
      }
    </bs-chart-frame>
  `,
})
class TestChartComponent extends ChartBase {
  readonly rows = input<readonly (readonly string[])[]>([]);
  readonly interactive = input(false);

  readonly empty = computed(() => this.rows().length === 0);
  readonly table = computed<ChartTable>(() => ({ columns: ['Track', 'Plays'], rows: this.rows() }));
}

const ROWS = [
  ['Intro', '120'],
  ['Outro', '80'],
];

describe('ChartFrameComponent', () => {
  it('captions the figure and draws the chart at the container width and the given height', async () => {
    const { element } = await renderChart(TestChartComponent, { label: 'Plays by track', rows: ROWS });
    const caption = element.querySelector('figcaption');
    expect(caption?.textContent).toBe('Plays by track');
    expect(caption?.classList.contains('bs-visually-hidden')).toBe(false);
    expect(element.querySelector('.drawn')?.textContent).toBe('600×120');
    const canvas = element.querySelector<HTMLElement>('.bs-chart-canvas');
    expect(canvas?.getAttribute('aria-hidden')).toBe('true');
    expect(canvas?.style.height).toBe('120px');
  });

  it('hides the caption visually on request but keeps it as the accessible name', async () => {
    const { element } = await renderChart(TestChartComponent, {
      label: 'Plays by track',
      showCaption: false,
      rows: ROWS,
    });
    const caption = element.querySelector('figcaption');
    expect(caption?.textContent).toBe('Plays by track');
    expect(caption?.classList.contains('bs-visually-hidden')).toBe(true);
  });

  it('gives screen readers the data as a captioned table', async () => {
    const { element } = await renderChart(TestChartComponent, { label: 'Plays by track', rows: ROWS });
    const table = element.querySelector('table.bs-visually-hidden');
    expect(table?.querySelector('caption')?.textContent).toBe('Plays by track');
    expect([...(table?.querySelectorAll('th[scope="col"]') ?? [])].map((cell) => cell.textContent)).toEqual([
      'Track',
      'Plays',
    ]);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => row.textContent)).toEqual([
      'Intro120',
      'Outro80',
    ]);
  });

  it('shows the empty state, with the chart’s heading and message, instead of chart and table', async () => {
    const { element } = await renderChart(TestChartComponent, {
      label: 'Plays by track',
      emptyMessage: 'Plays appear a day after release.',
    });
    expect(element.querySelector('bs-empty-state mat-icon')?.textContent).toBe('public');
    expect(element.querySelector('bs-empty-state h3')?.textContent).toBe('No data yet');
    expect(element.querySelector('bs-empty-state p')?.textContent).toBe('Plays appear a day after release.');
    expect(element.querySelector('.drawn')).toBeNull();
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('figcaption')?.textContent).toBe('Plays by track');
  });

  it('leaves an interactive chart to screen readers and to its own size', async () => {
    const { element } = await renderChart(TestChartComponent, {
      label: 'Plays by track',
      rows: ROWS,
      interactive: true,
    });
    const canvas = element.querySelector<HTMLElement>('.bs-chart-canvas');
    expect(canvas?.hasAttribute('aria-hidden')).toBe(false);
    expect(canvas?.style.height).toBe('');
    expect(canvas?.classList.contains('bs-chart-canvas--interactive')).toBe(true);
    expect(element.querySelector('table tbody tr')?.textContent).toBe('Intro120');
  });
});
