import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthStore } from '../data/auth.store';
import { SIGN_OUT_INCOMPLETE } from '../data/identity-messages';
import { safeReturnUrl } from '../data/return-url';
import { AccountMenuComponent } from './account-menu.component';

/**
 * The account area of the console's toolbar (`<bs-account-area bsConsoleAccount />`): the signed-in
 * user's menu (Account, Sign out), or "Sign in" coming back to the current page; nothing while the
 * session is being restored. Signing out leads to the sign-in page.
 */
@Component({
  selector: 'bs-account-area',
  imports: [AccountMenuComponent, MatAnchor, MatButton, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.user(); as user) {
      <!-- The menu brings the overlay machinery along: it loads once the console is idle, off its first bundle. -->
      @defer (on idle; on interaction) {
        <bs-account-menu [user]="user" (signOut)="signOut()" />
      } @placeholder {
        <button mat-button type="button" class="bs-account-trigger">
          <mat-icon aria-hidden="true">account_circle</mat-icon>
          <span class="bs-account-name">{{ user.displayName }}</span>
        </button>
      }
    } @else if (store.status() === 'signed-out') {
      <a mat-button routerLink="/sign-in" [queryParams]="signInQuery()">
        <mat-icon aria-hidden="true">login</mat-icon>
        Sign in
      </a>
    }
  `,
  styleUrl: './account-area.scss',
})
export class AccountAreaComponent {
  protected readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: null },
  );

  /** "Sign in" comes back to the page it was clicked on. */
  protected readonly signInQuery = computed(() => {
    const url = safeReturnUrl(this.url());
    return url === null || url === '/' ? {} : { returnUrl: url };
  });

  protected async signOut(): Promise<void> {
    const problem = await this.store.signOut();
    await this.router.navigateByUrl(
      problem === null ? '/sign-in' : `/sign-in?error=${encodeURIComponent(SIGN_OUT_INCOMPLETE)}`,
    );
  }
}
