import { type AbstractControl, FormArray, FormGroup } from '@angular/forms';

/**
 * Runs every control's own validators again, dropping the errors the api put on them: before a new
 * attempt, an error the user fixed elsewhere (an embargo that hid the release moment) must not
 * block it. The api reports again whatever is still wrong.
 */
export function revalidate(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    Object.values(control.controls).forEach(revalidate);
  }
  control.updateValueAndValidity({ onlySelf: true });
}
