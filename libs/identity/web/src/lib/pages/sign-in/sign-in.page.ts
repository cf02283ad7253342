import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { type FieldError } from '@bandstand/shared/contracts';
import { FieldErrorComponent, ProblemAlertComponent, type ShownProblem } from '@bandstand/shared/web-ui';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AuthClient, oidcStartUrl } from '../../data/auth.client';
import { signInErrorMessage } from '../../data/identity-messages';
import { ReturnUrlStore, safeReturnUrl } from '../../data/return-url';
import { SignInFlow } from '../../data/sign-in-flow';
import { IDENTITY_CONFIG } from '../../identity.config';
import { WalletSigner } from '../../siwe/wallet-signer';
import { AuthCardComponent } from '../../ui/auth-card.component';
import { formFailure, problemOf } from '../../ui/form-failure';

/**
 * Sign in with e-mail and password, an OAuth/OIDC provider or an Ethereum wallet (SIWE), then go
 * back to `returnUrl`. Shows why a provider's sign-in did not work when it comes back with `error`.
 */
@Component({
  selector: 'bs-sign-in-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatButton,
    MatAnchor,
    MatIcon,
    FieldErrorComponent,
    AuthCardComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-auth-card heading="Sign in" [lead]="lead">
      @if (redirectMessage(); as message) {
        <p class="bs-auth-notice" role="alert">{{ message }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="bs-auth-form">
        <mat-form-field>
          <mat-label>E-mail</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="email" required />
          <mat-error><bs-field-error [control]="form.controls.email" label="E-mail" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="current-password"
            required
          />
          <mat-error><bs-field-error [control]="form.controls.password" label="Password" /></mat-error>
        </mat-form-field>
        <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
        <button mat-flat-button type="submit" [disabled]="busy()">Sign in</button>
      </form>
      <p class="bs-auth-links">
        <a routerLink="/reset-password">Forgot your password?</a>
      </p>
      <div class="bs-auth-alternatives" role="group" aria-label="Other ways to sign in">
        @for (provider of providers.value(); track provider.id) {
          <a mat-stroked-button [href]="startUrl(provider.id)" (click)="rememberReturn()">
            Continue with {{ provider.label }}
          </a>
        }
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="signInWithWallet()">
          <mat-icon aria-hidden="true">account_balance_wallet</mat-icon>
          Sign in with wallet
        </button>
      </div>
      @if (canSignUp) {
        <p class="bs-auth-links">
          New to Bandstand?
          <a routerLink="/sign-up" [queryParams]="returnQuery()">Create an account</a>
        </p>
      }
    </bs-auth-card>
  `,
  styles: `
    .bs-auth-form,
    .bs-auth-alternatives {
      display: grid;
      gap: 8px;
    }
    .bs-auth-alternatives {
      margin: 16px 0;
    }
    .bs-auth-notice {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class SignInPageComponent {
  /** Where to go once signed in (a path of this console). */
  readonly returnUrl = input<string>();
  /** Error code of a sign-in that came back from a provider, or of the staff console's check. */
  readonly error = input<string>();

  private readonly auth = inject(AuthClient);
  private readonly flow = inject(SignInFlow);
  private readonly returns = inject(ReturnUrlStore);
  private readonly wallet = inject(WalletSigner);
  private readonly config = inject(IDENTITY_CONFIG);

  protected readonly canSignUp = this.config.console !== 'staff';
  protected readonly lead =
    this.config.console === 'staff'
      ? 'The staff console is for Bandstand staff.'
      : 'Welcome back to Bandstand.';

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly busy = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  /** The providers offered; without them the page still works, so a failure shows none. */
  protected readonly providers = rxResource({
    stream: () => this.auth.providers().pipe(catchError(() => of([]))),
    defaultValue: [],
  });

  protected readonly redirectMessage = computed(() => {
    const code = this.error();
    return code ? signInErrorMessage(code) : null;
  });

  protected readonly returnQuery = computed(() => {
    const url = safeReturnUrl(this.returnUrl());
    return url === null ? {} : { returnUrl: url };
  });

  protected startUrl(provider: string): string {
    return oidcStartUrl(provider, this.config.console);
  }

  /** The provider's round trip ends on `auth/complete`, which reads where to go from here. */
  protected rememberReturn(): void {
    this.returns.remember(this.returnUrl());
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.attempt(async () => {
      const response = await firstValueFrom(this.auth.signIn(this.form.getRawValue()));
      await this.flow.finish(response, this.returnUrl());
    }, 'form');
  }

  protected async signInWithWallet(): Promise<void> {
    await this.attempt(async () => {
      const submission = await this.wallet.sign('sign-in');
      const response = await firstValueFrom(this.auth.siweSignIn(submission));
      await this.flow.finish(response, this.returnUrl());
    }, 'wallet');
  }

  private async attempt(action: () => Promise<void>, source: 'form' | 'wallet'): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.unmatched.set([]);
    try {
      await action();
    } catch (error: unknown) {
      if (source === 'form') {
        const failure = formFailure(this.form, error);
        this.problem.set(failure.problem);
        this.unmatched.set(failure.unmatched);
      } else {
        this.problem.set(problemOf(error));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
