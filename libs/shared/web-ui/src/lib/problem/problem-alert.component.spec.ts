import { provideZonelessChangeDetection } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type ShownProblem } from './problem';
import { ProblemAlertComponent } from './problem-alert.component';

const refused: ShownProblem = {
  type: 'urn:bandstand:problem:VALIDATION.FAILED',
  title: 'The request is not valid',
  status: 422,
  code: 'VALIDATION.FAILED',
  detail: 'Two fields need another look.',
  correlationId: 'corr-1',
  errors: [{ field: 'name', code: 'VALIDATION.FAILED', message: 'A name is needed.' }],
};

describe('ProblemAlertComponent', () => {
  let fixture: ComponentFixture<ProblemAlertComponent>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    fixture = TestBed.createComponent(ProblemAlertComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const alert = () => element.querySelector('[role="alert"]');
  const text = () => (alert()?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('keeps an empty alert region until there is a problem, then says what went wrong', async () => {
    expect(alert()).not.toBeNull();
    expect(text()).toBe('');
    expect(alert()?.hasAttribute('data-code')).toBe(false);

    fixture.componentRef.setInput('problem', refused);
    await fixture.whenStable();
    expect(element.querySelector('.bs-problem-detail')?.textContent).toBe('Two fields need another look.');
    expect(alert()?.getAttribute('data-code')).toBe('VALIDATION.FAILED');
    // The icon is decoration: what is read out is the message alone.
    expect(element.querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');

    fixture.componentRef.setInput('problem', null);
    await fixture.whenStable();
    expect(text()).toBe('');
  });

  it('falls back to the title when the problem has no detail', async () => {
    fixture.componentRef.setInput('problem', { ...refused, detail: '' });
    await fixture.whenStable();
    expect(element.querySelector('.bs-problem-detail')?.textContent).toBe('The request is not valid');
  });

  it('lists the field errors it is given, and only those', async () => {
    fixture.componentRef.setInput('problem', refused);
    await fixture.whenStable();
    expect(element.querySelectorAll('.bs-problem-field')).toHaveLength(0);

    fixture.componentRef.setInput('fieldErrors', refused.errors);
    await fixture.whenStable();
    expect([...element.querySelectorAll('.bs-problem-field')].map((field) => field.textContent)).toEqual([
      'A name is needed.',
    ]);
  });
});
