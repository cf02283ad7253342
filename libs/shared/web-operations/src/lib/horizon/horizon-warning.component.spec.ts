import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ReadHorizonView } from '@bandstand/shared/contracts';
import { HOLDER } from '../testing/operations-fixtures';
import { HorizonWarningComponent } from './horizon-warning.component';

async function render(horizon: ReadHorizonView): Promise<HTMLElement> {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(HorizonWarningComponent);
  fixture.componentRef.setInput('horizon', horizon);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('HorizonWarningComponent', () => {
  it('names a forgotten prepared transaction, which has no process to end', async () => {
    const element = await render({
      transactionId: '900',
      eventsWaiting: 100_000,
      eventsWaitingCapped: true,
      holder: {
        ...HOLDER,
        pid: null,
        state: 'prepared',
        preparedTransaction: 'payout-17',
        applicationName: null,
      },
    });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      '≥ 100,000 committed events wait behind it',
    );
    expect(element.textContent).toContain('payout-17');
    expect(element.querySelector('.bs-horizon-pid')).toBeNull();
    expect(element.querySelector('.bs-horizon-command')).toBeNull();
  });

  it('shows nothing without a holder', async () => {
    const element = await render({
      transactionId: '900',
      eventsWaiting: 0,
      eventsWaitingCapped: false,
      holder: null,
    });
    expect(element.textContent?.trim()).toBe('');
  });
});
