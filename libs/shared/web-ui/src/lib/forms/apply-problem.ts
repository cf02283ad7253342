import { type AbstractControl } from '@angular/forms';
import { type FieldError, type ProblemDetails } from '@bandstand/shared/contracts';
import { SERVER_ERROR_KEY, type ServerFieldError } from './error-messages';

/** Converts the api's field paths (`a.b.0`, `a[0].b`, `/a/b`) to Angular's dotted control path. */
export function controlPath(field: string): string {
  return field
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/**
 * Puts each field error of a problem (`errors[{field, code, message}]`) on the matching control of
 * `form` (under the `server` key, so that the control's own validators are kept) and marks it
 * touched so that `<mat-error>` shows it at once. Typing in the control clears the server's error,
 * as re-running validation replaces the errors. Returns the errors that match no control, for the
 * form to show as a whole.
 */
export function applyProblemToForm(
  form: AbstractControl,
  problem: Pick<ProblemDetails, 'errors'>,
): readonly FieldError[] {
  const unmatched: FieldError[] = [];
  const byControl = new Map<AbstractControl, FieldError[]>();
  for (const error of problem.errors ?? []) {
    const path = controlPath(error.field);
    const control = path === '' ? null : form.get(path);
    if (!control) {
      unmatched.push(error);
      continue;
    }
    byControl.set(control, [...(byControl.get(control) ?? []), error]);
  }
  for (const [control, errors] of byControl) {
    const server: ServerFieldError = {
      code: errors.map((error) => error.code).join(' '),
      message: errors.map((error) => error.message).join(' '),
    };
    control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR_KEY]: server });
    control.markAsTouched();
  }
  return unmatched;
}
