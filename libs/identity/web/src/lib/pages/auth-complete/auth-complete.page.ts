import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { LoadingStateComponent } from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../data/auth.store';
import { ReturnUrlStore } from '../../data/return-url';
import { AuthCardComponent } from '../../ui/auth-card.component';

/**
 * Where a provider's sign-in lands: the api has set the refresh cookie, so a refresh gives the
 * session; then the console opens the page the user started from.
 */
@Component({
  selector: 'bs-auth-complete-page',
  imports: [RouterLink, MatAnchor, AuthCardComponent, LoadingStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-auth-card heading="Signing you in">
      @if (failed()) {
        <p role="alert">
          The sign-in could not be completed: the session it started was not found. Please sign in again.
        </p>
        <a mat-flat-button routerLink="/sign-in">Sign in</a>
      } @else {
        <bs-loading-state label="Completing your sign-in…" />
      }
    </bs-auth-card>
  `,
})
export class AuthCompletePageComponent implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly returns = inject(ReturnUrlStore);
  private readonly router = inject(Router);

  protected readonly failed = signal(false);

  ngOnInit(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const token = await firstValueFrom(this.store.refresh());
    if (token === null) {
      this.failed.set(true);
      return;
    }
    await this.router.navigateByUrl(this.returns.take() ?? '/');
  }
}
