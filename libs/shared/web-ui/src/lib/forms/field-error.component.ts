import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl } from '@angular/forms';
import { map, startWith, switchMap } from 'rxjs';
import { DEFAULT_ERROR_MESSAGES, type ErrorMessageFn, firstErrorMessage } from './error-messages';

/**
 * The message for a control's current error, kept in step with the control. Put it inside
 * `<mat-error>`: `<mat-error><bs-field-error [control]="form.controls.email" label="Email" /></mat-error>`.
 */
@Component({
  selector: 'bs-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ message() }}`,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl>();
  /** The field's name as the user sees it, used in the messages. */
  readonly label = input.required<string>();
  /** Extra or replacement messages, by validator key. */
  readonly messages = input<Readonly<Record<string, ErrorMessageFn>>>({});

  private readonly errors = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        control.events.pipe(
          startWith(null),
          map(() => control.errors),
        ),
      ),
    ),
    { initialValue: null },
  );

  protected readonly message = computed(() =>
    firstErrorMessage(this.errors(), this.label(), { ...DEFAULT_ERROR_MESSAGES, ...this.messages() }),
  );
}
