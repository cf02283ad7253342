import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { type JobState, JobProgressComponent } from './job-progress.component';

async function render(progress: JobState) {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(JobProgressComponent);
  fixture.componentRef.setInput('label', 'Importing the March DSR');
  fixture.componentRef.setInput('progress', progress);
  await fixture.whenStable();
  return {
    fixture,
    element: fixture.nativeElement as HTMLElement,
    loader: TestbedHarnessEnvironment.loader(fixture),
  };
}

describe('JobProgressComponent', () => {
  it('is determinate with done/total, percentage and stage when the total is known', async () => {
    const { element, loader } = await render({
      status: 'running',
      done: 250,
      total: 1000,
      stage: 'Parsing rows',
    });
    const bar = await loader.getHarness(MatProgressBarHarness);
    expect(await bar.getMode()).toBe('determinate');
    expect(await bar.getValue()).toBe(25);
    expect(element.querySelector('.bs-job-stage')?.textContent).toBe('Parsing rows');
    expect(element.querySelector('.bs-job-count')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '250 of 1,000 (25 %)',
    );
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-valuetext')).toBe(
      'In progress, Parsing rows, 250 of 1000',
    );
  });

  it('is indeterminate when the total is unknown', async () => {
    const { element, loader } = await render({ status: 'running', done: 40, total: null });
    const bar = await loader.getHarness(MatProgressBarHarness);
    expect(await bar.getMode()).toBe('indeterminate');
    expect(element.querySelector('.bs-job-count')?.textContent?.trim()).toBe('40');
  });

  it('shows a finished job without a bar', async () => {
    const { element } = await render({
      status: 'succeeded',
      done: 1000,
      total: 1000,
      message: '1,000 usage lines imported.',
    });
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('.bs-job-status')?.textContent).toBe('Finished');
    expect(element.querySelector('.bs-job-icon--ok')).not.toBeNull();
    expect(element.classList).toContain('bs-job--succeeded');
  });

  it('shows a failed job with its message', async () => {
    const { element } = await render({
      status: 'failed',
      done: 10,
      total: 1000,
      message: 'Row 11: unknown ISRC.',
    });
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('.bs-job-status')?.textContent).toBe('Failed');
    expect(element.querySelector('.bs-job-message')?.textContent).toBe('Row 11: unknown ISRC.');
    expect(element.classList).toContain('bs-job--failed');
  });
});
