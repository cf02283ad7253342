import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { type LinkedWallet } from '@bandstand/identity/contracts';

/** The wallets linked to the account by Sign-In with Ethereum, with "Link wallet" and unlink. */
@Component({
  selector: 'bs-linked-wallets',
  imports: [DatePipe, MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (wallets().length === 0) {
      <p class="bs-account-empty">
        No wallet is linked. Link one to sign in with it and to prove the tokens you hold.
      </p>
    } @else {
      <ul class="bs-account-list">
        @for (wallet of wallets(); track wallet.address) {
          <li>
            <div>
              <code class="bs-wallet-address">{{ wallet.address }}</code>
              <span class="bs-account-meta"
                >Chain {{ wallet.chainId }} · linked {{ wallet.linkedAt | date: 'mediumDate' }}</span
              >
            </div>
            <button
              mat-button
              type="button"
              [disabled]="busy()"
              [attr.aria-label]="'Unlink wallet ' + wallet.address"
              (click)="unlink.emit(wallet.address)"
            >
              Unlink
            </button>
          </li>
        }
      </ul>
    }
    <button mat-stroked-button type="button" [disabled]="busy()" (click)="link.emit()">
      <mat-icon aria-hidden="true">account_balance_wallet</mat-icon>
      Link wallet
    </button>
  `,
  styleUrl: './account-lists.scss',
})
export class LinkedWalletsComponent {
  readonly wallets = input.required<readonly LinkedWallet[]>();
  readonly busy = input(false);
  readonly link = output();
  /** The address to unlink. */
  readonly unlink = output<string>();
}
