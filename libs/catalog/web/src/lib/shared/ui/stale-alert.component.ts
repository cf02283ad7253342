import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

/**
 * Says that what the user was working on changed under them (the api answered with a stale
 * revision or plan), with the one action that gets them going again.
 */
@Component({
  selector: 'bs-catalog-stale-alert',
  imports: [MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert' },
  template: `
    <p>{{ message() }}</p>
    <button mat-flat-button type="button" [disabled]="busy()" (click)="act.emit()">{{ action() }}</button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      flex: 1 1 320px;
      margin: 0;
    }
  `,
})
export class StaleAlertComponent {
  /** What changed, and what the action will do about it. */
  readonly message = input.required<string>();
  /** The action's button label. */
  readonly action = input.required<string>();
  readonly busy = input(false);
  readonly act = output();
}
