import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { type SessionUser } from '@bandstand/identity/contracts';

/** The signed-in user's name in the toolbar, opening a menu: Account, Sign out. */
@Component({
  selector: 'bs-account-menu',
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button type="button" class="bs-account-trigger" [matMenuTriggerFor]="menu">
      <mat-icon aria-hidden="true">account_circle</mat-icon>
      <span class="bs-account-name">{{ user().displayName }}</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <a mat-menu-item routerLink="/account">
        <mat-icon aria-hidden="true">manage_accounts</mat-icon>
        <span>Account</span>
      </a>
      <button mat-menu-item type="button" (click)="signOut.emit()">
        <mat-icon aria-hidden="true">logout</mat-icon>
        <span>Sign out</span>
      </button>
    </mat-menu>
  `,
  styleUrl: './account-area.scss',
})
export class AccountMenuComponent {
  readonly user = input.required<SessionUser>();
  readonly signOut = output();
}
