import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import { problemFromError, type ShownProblem } from '../problem/problem';
import { EmptyStateComponent } from './empty-state.component';
import { ErrorStateComponent } from './error-state.component';
import { LoadingStateComponent } from './loading-state.component';

function setup() {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
}

describe('EmptyStateComponent', () => {
  it('says what will appear and why it is empty', async () => {
    setup();
    const fixture = TestBed.createComponent(EmptyStateComponent);
    fixture.componentRef.setInput('heading', 'No releases yet');
    fixture.componentRef.setInput('message', 'Releases appear here once you add them.');
    fixture.componentRef.setInput('icon', 'album');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h3')?.textContent).toBe('No releases yet');
    expect(element.querySelector('p')?.textContent).toBe('Releases appear here once you add them.');
    expect(element.querySelector('mat-icon')?.textContent).toBe('album');
  });
});

describe('LoadingStateComponent', () => {
  it('announces loading politely with its label', async () => {
    setup();
    const fixture = TestBed.createComponent(LoadingStateComponent);
    fixture.componentRef.setInput('label', 'Checking the platform…');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.getAttribute('role')).toBe('status');
    expect(element.getAttribute('aria-live')).toBe('polite');
    expect(element.textContent).toContain('Checking the platform…');
    expect(element.querySelector('mat-progress-spinner')?.getAttribute('aria-label')).toBe(
      'Checking the platform…',
    );
  });
});

describe('ErrorStateComponent', () => {
  const problem: ShownProblem = {
    type: 'urn:bandstand:problem:HEALTH.NOT_READY',
    title: 'Service unavailable',
    status: 503,
    code: 'HEALTH.NOT_READY',
    detail: 'PostgreSQL is not reachable.',
    correlationId: '3f1c9a7e',
  };

  it('shows the title, detail, code, status and correlation id as an alert', async () => {
    setup();
    const fixture = TestBed.createComponent(ErrorStateComponent);
    fixture.componentRef.setInput('problem', problem);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.getAttribute('role')).toBe('alert');
    expect(element.querySelector('h3')?.textContent).toBe('Service unavailable');
    expect(element.textContent).toContain('PostgreSQL is not reachable.');
    expect(element.querySelector('.bs-problem-code')?.textContent).toBe('HEALTH.NOT_READY');
    expect(element.querySelector('.bs-problem-correlation')?.textContent).toBe('3f1c9a7e');
    expect(element.textContent).toContain('503');
    expect(element.querySelector('button')).toBeNull();
  });

  it('offers a retry when asked to and emits it', async () => {
    setup();
    const fixture = TestBed.createComponent(ErrorStateComponent);
    fixture.componentRef.setInput('problem', { ...problem, correlationId: undefined });
    fixture.componentRef.setInput('retryable', true);
    let retries = 0;
    fixture.componentInstance.retry.subscribe(() => (retries += 1));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.bs-problem-correlation')).toBeNull();
    element.querySelector('button')?.click();
    expect(retries).toBe(1);
  });
});

describe('problemFromError', () => {
  it('passes a problem+json body through', () => {
    const body: ProblemDetails = {
      type: 'urn:bandstand:problem:HTTP.NOT_FOUND',
      title: 'Not found',
      status: 404,
      code: 'HTTP.NOT_FOUND',
      correlationId: 'abc',
    };
    expect(problemFromError(new HttpErrorResponse({ status: 404, error: body }))).toEqual(body);
  });

  it('describes a network failure and a bare error status honestly', () => {
    expect(
      problemFromError(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).code,
    ).toBe('HTTP.NETWORK_ERROR');
    const bare = problemFromError(
      new HttpErrorResponse({
        status: 502,
        statusText: 'Bad Gateway',
        url: '/api/v1/meta',
        headers: new HttpHeaders({ 'x-correlation-id': 'r-1' }),
      }),
    );
    expect(bare).toMatchObject({
      title: 'Bad Gateway',
      status: 502,
      code: 'HTTP.BAD_GATEWAY',
      correlationId: 'r-1',
    });
  });

  it('wraps anything else as a client-side problem', () => {
    expect(problemFromError(new Error('boom'))).toMatchObject({ code: 'CLIENT.UNEXPECTED', detail: 'boom' });
  });
});
