import { Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputModule } from '@angular/material/input';
import { MatInputHarness } from '@angular/material/input/testing';
import { type FieldError } from '@bandstand/shared/contracts';
import { applyProblemToForm } from './apply-problem';
import { FieldErrorComponent } from './field-error.component';
import { FormErrorsComponent } from './form-errors.component';

@Component({
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorComponent,
    FormErrorsComponent,
  ],
  template: `
    <form [formGroup]="form">
      <bs-form-errors [errors]="formErrors" />
      <mat-form-field>
        <mat-label>Handle</mat-label>
        <input matInput formControlName="handle" />
        <mat-error><bs-field-error [control]="form.controls.handle" label="Handle" /></mat-error>
      </mat-form-field>
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({
    handle: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3)],
    }),
  });
  formErrors: readonly FieldError[] = [];
}

async function render() {
  TestBed.configureTestingModule({ imports: [HostComponent], providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(HostComponent);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  return { fixture, host: fixture.componentInstance, loader, element: fixture.nativeElement as HTMLElement };
}

describe('FieldErrorComponent and FormErrorsComponent', () => {
  it('shows the validator message once the field is touched and follows the value', async () => {
    const { loader } = await render();
    const field = await loader.getHarness(MatFormFieldHarness);
    const input = await loader.getHarness(MatInputHarness);
    expect(await field.getTextErrors()).toEqual([]);
    await input.focus();
    await input.blur();
    expect(await field.getTextErrors()).toEqual(['Handle is required.']);
    await input.setValue('ab');
    await input.blur();
    expect(await field.getTextErrors()).toEqual(['Handle must be at least 3 characters.']);
    await input.setValue('abc');
    expect(await field.getTextErrors()).toEqual([]);
  });

  it('shows the server’s field error and the errors that belong to no field', async () => {
    const { loader, host, fixture, element } = await render();
    host.form.controls.handle.setValue('taken');
    host.formErrors = applyProblemToForm(host.form, {
      errors: [
        { field: 'handle', code: 'IDENTITY.HANDLE_TAKEN', message: 'This handle is taken.' },
        { field: 'invitation', code: 'IDENTITY.INVITATION_EXPIRED', message: 'The invitation has expired.' },
      ],
    });
    fixture.changeDetectorRef.markForCheck();
    await fixture.whenStable();
    const field = await loader.getHarness(MatFormFieldHarness);
    expect(await field.getTextErrors()).toEqual(['This handle is taken.']);
    const summary = element.querySelector('bs-form-errors [role="alert"]');
    expect(summary?.textContent).toContain('The invitation has expired.');
    expect(summary?.querySelector('li')?.getAttribute('data-code')).toBe('IDENTITY.INVITATION_EXPIRED');
  });
});
