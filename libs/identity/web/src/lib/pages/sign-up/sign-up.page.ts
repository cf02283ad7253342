import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  type AcceptedResponse,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@bandstand/identity/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import { FieldErrorComponent, ProblemAlertComponent, type ShownProblem } from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthClient } from '../../data/auth.client';
import { ReturnUrlStore } from '../../data/return-url';
import { IDENTITY_CONFIG } from '../../identity.config';
import { AuthCardComponent } from '../../ui/auth-card.component';
import { formFailure } from '../../ui/form-failure';

/**
 * Create an account with a display name, e-mail and password. The api always accepts (it never
 * tells whether an address has an account already), so the page then asks the user to open the
 * link mailed to them; `returnUrl` is kept for when that link signs them in.
 */
@Component({
  selector: 'bs-sign-up-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    MatButton,
    FieldErrorComponent,
    AuthCardComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (accepted(); as done) {
      <bs-auth-card heading="Check your e-mail">
        <p role="status">{{ done.message }}</p>
        <p>
          We sent a link to <strong>{{ form.controls.email.value }}</strong>. Open it to verify your address
          and sign in. The link works once.
        </p>
        <p class="bs-auth-links"><a routerLink="/sign-in">Back to sign in</a></p>
      </bs-auth-card>
    } @else {
      <bs-auth-card heading="Create your account" lead="One account for the fan app and the creator console.">
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="bs-auth-form">
          <mat-form-field>
            <mat-label>Display name</mat-label>
            <input matInput formControlName="displayName" autocomplete="nickname" required />
            <mat-error
              ><bs-field-error [control]="form.controls.displayName" label="Display name"
            /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" required />
            <mat-error><bs-field-error [control]="form.controls.email" label="E-mail" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Password</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="new-password" required />
            <mat-hint>At least {{ minLength }} characters; a passphrase is easiest to remember.</mat-hint>
            <mat-error><bs-field-error [control]="form.controls.password" label="Password" /></mat-error>
          </mat-form-field>
          <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
          <button mat-flat-button type="submit" [disabled]="busy()">Create account</button>
        </form>
        <p class="bs-auth-links">Already have an account? <a routerLink="/sign-in">Sign in</a></p>
      </bs-auth-card>
    }
  `,
  styles: `
    .bs-auth-form {
      display: grid;
      gap: 8px;
    }
  `,
})
export class SignUpPageComponent implements OnInit {
  /** Where to go once the mailed link has signed the user in. */
  readonly returnUrl = input<string>();
  /** An address to start with (an invitation names the invitee's). */
  readonly email = input<string>();

  private readonly auth = inject(AuthClient);
  private readonly returns = inject(ReturnUrlStore);
  private readonly config = inject(IDENTITY_CONFIG);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = new FormGroup({
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    }),
  });

  protected readonly busy = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly unmatched = signal<readonly FieldError[]>([]);
  protected readonly accepted = signal<AcceptedResponse | null>(null);

  ngOnInit(): void {
    const email = this.email();
    if (email) this.form.controls.email.setValue(email);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    try {
      const accepted = await firstValueFrom(
        this.auth.signUp({
          ...this.form.getRawValue(),
          // The staff console has no sign-up page; staff sign up as fans and are granted a role.
          console: this.config.console === 'creator' ? 'creator' : 'fan',
        }),
      );
      this.returns.remember(this.returnUrl());
      this.accepted.set(accepted);
    } catch (error: unknown) {
      const failure = formFailure(this.form, error);
      this.problem.set(failure.problem);
      this.unmatched.set(failure.unmatched);
    } finally {
      this.busy.set(false);
    }
  }
}
