import { ChangeDetectionStrategy, Component, inject, input, type OnInit, signal } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { problemType } from '@bandstand/shared/contracts';
import {
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthClient } from '../../data/auth.client';
import { ReturnUrlStore } from '../../data/return-url';
import { SignInFlow } from '../../data/sign-in-flow';
import { AuthCardComponent } from '../../ui/auth-card.component';

/** The link mailed at sign-up: verifies the address with its token and signs the user in. */
@Component({
  selector: 'bs-verify-email-page',
  imports: [RouterLink, MatAnchor, AuthCardComponent, ProblemAlertComponent, LoadingStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-auth-card heading="Verify your e-mail">
      @if (problem(); as shown) {
        <bs-problem-alert [problem]="shown" />
        @if (spent()) {
          <p>
            If you already verified your address, sign in. Otherwise create your account again for a new link.
          </p>
        }
        <p class="bs-auth-links">
          <a mat-flat-button routerLink="/sign-in">Sign in</a>
          <a mat-button routerLink="/sign-up">Create an account</a>
        </p>
      } @else {
        <bs-loading-state label="Verifying your e-mail address…" />
      }
    </bs-auth-card>
  `,
})
export class VerifyEmailPageComponent implements OnInit {
  /** The single-use token from the mailed link. */
  readonly token = input<string>();

  private readonly auth = inject(AuthClient);
  private readonly flow = inject(SignInFlow);
  private readonly returns = inject(ReturnUrlStore);

  protected readonly problem = signal<ShownProblem | null>(null);
  /** The link was used or has expired (rather than being wrong). */
  protected readonly spent = signal(false);

  ngOnInit(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.problem.set({
        type: problemType(IDENTITY_ERROR_CODES.tokenInvalid),
        code: IDENTITY_ERROR_CODES.tokenInvalid,
        title: 'The link is incomplete',
        status: 0,
        detail:
          'This verification link has no token. Open the link from the e-mail again, or copy all of it.',
      });
      return;
    }
    try {
      const response = await firstValueFrom(this.auth.verifyEmail({ token }));
      await this.flow.finish(response, this.returns.take());
    } catch (error: unknown) {
      const problem = problemFromError(error);
      this.spent.set(
        problem.code === IDENTITY_ERROR_CODES.tokenUsed || problem.code === IDENTITY_ERROR_CODES.tokenExpired,
      );
      this.problem.set(problem);
    }
  }
}
