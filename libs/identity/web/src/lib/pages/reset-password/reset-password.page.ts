import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
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
import { IDENTITY_CONFIG } from '../../identity.config';
import { AuthCardComponent } from '../../ui/auth-card.component';
import { formFailure } from '../../ui/form-failure';

/**
 * Without a token: asks for the address to mail a reset link to (always accepted, so nobody learns
 * whether it has an account). With the mailed token: sets a new password, which signs out every
 * session of the account.
 */
@Component({
  selector: 'bs-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatHint,
    MatButton,
    MatAnchor,
    FieldErrorComponent,
    AuthCardComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (token()) {
      @if (changed()) {
        <bs-auth-card heading="Your password was changed">
          <p role="status">Every session of your account was signed out. Sign in with your new password.</p>
          <a mat-flat-button routerLink="/sign-in">Sign in</a>
        </bs-auth-card>
      } @else {
        <bs-auth-card heading="Choose a new password">
          <form [formGroup]="confirmForm" (ngSubmit)="confirm()" novalidate class="bs-auth-form">
            <mat-form-field>
              <mat-label>New password</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
                required
              />
              <mat-hint>At least {{ minLength }} characters.</mat-hint>
              <mat-error
                ><bs-field-error [control]="confirmForm.controls.password" label="New password"
              /></mat-error>
            </mat-form-field>
            <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
            <button mat-flat-button type="submit" [disabled]="busy()">Set new password</button>
          </form>
          <p class="bs-auth-links"><a routerLink="/reset-password">Ask for a new link</a></p>
        </bs-auth-card>
      }
    } @else if (requested(); as done) {
      <bs-auth-card heading="Check your e-mail">
        <p role="status">{{ done.message }}</p>
        <p>
          If <strong>{{ requestForm.controls.email.value }}</strong> belongs to an account, a link to choose a
          new password is on its way. It works once and expires soon.
        </p>
        <p class="bs-auth-links"><a routerLink="/sign-in">Back to sign in</a></p>
      </bs-auth-card>
    } @else {
      <bs-auth-card heading="Reset your password" lead="We will e-mail you a link to choose a new password.">
        <form [formGroup]="requestForm" (ngSubmit)="request()" novalidate class="bs-auth-form">
          <mat-form-field>
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" required />
            <mat-error><bs-field-error [control]="requestForm.controls.email" label="E-mail" /></mat-error>
          </mat-form-field>
          <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
          <button mat-flat-button type="submit" [disabled]="busy()">Send reset link</button>
        </form>
        <p class="bs-auth-links"><a routerLink="/sign-in">Back to sign in</a></p>
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
export class ResetPasswordPageComponent {
  /** The single-use token from the mailed link; absent on the request form. */
  readonly token = input<string>();

  private readonly auth = inject(AuthClient);
  private readonly config = inject(IDENTITY_CONFIG);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly requestForm = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly confirmForm = new FormGroup({
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
  protected readonly requested = signal<AcceptedResponse | null>(null);
  protected readonly changed = signal(false);

  protected async request(): Promise<void> {
    if (this.requestForm.invalid) {
      this.requestForm.markAllAsTouched();
      return;
    }
    await this.attempt(this.requestForm, async () => {
      const { email } = this.requestForm.getRawValue();
      this.requested.set(
        await firstValueFrom(this.auth.requestPasswordReset({ email, console: this.config.console })),
      );
    });
  }

  protected async confirm(): Promise<void> {
    const token = this.token();
    if (this.confirmForm.invalid || !token) {
      this.confirmForm.markAllAsTouched();
      return;
    }
    await this.attempt(this.confirmForm, async () => {
      await firstValueFrom(this.auth.confirmPasswordReset({ token, ...this.confirmForm.getRawValue() }));
      this.changed.set(true);
    });
  }

  private async attempt(form: FormGroup, action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    try {
      await action();
    } catch (error: unknown) {
      const failure = formFailure(form, error);
      this.problem.set(failure.problem);
      this.unmatched.set(failure.unmatched);
    } finally {
      this.busy.set(false);
    }
  }
}
