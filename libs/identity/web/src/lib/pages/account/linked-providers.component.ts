import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type AuthProvider, type ExternalIdentity } from '@bandstand/identity/contracts';

/** The sign-in providers linked to the account, and a link button for each one that is not. */
@Component({
  selector: 'bs-linked-providers',
  imports: [DatePipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (linked().length === 0) {
      <p class="bs-account-empty">No sign-in provider is linked.</p>
    } @else {
      <ul class="bs-account-list">
        @for (identity of linked(); track identity.provider + identity.subject) {
          <li>
            <div>
              <strong>{{ labelOf(identity.provider) }}</strong>
              <span class="bs-account-meta">linked {{ identity.linkedAt | date: 'mediumDate' }}</span>
            </div>
          </li>
        }
      </ul>
    }
    @if (unlinked().length > 0) {
      <div class="bs-account-actions">
        @for (provider of unlinked(); track provider.id) {
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="link.emit(provider.id)">
            Link {{ provider.label }}
          </button>
        }
      </div>
    }
  `,
  styleUrl: './account-lists.scss',
})
export class LinkedProvidersComponent {
  readonly linked = input.required<readonly ExternalIdentity[]>();
  /** The providers the api offers. */
  readonly providers = input.required<readonly AuthProvider[]>();
  readonly busy = input(false);
  /** The id of the provider to link. */
  readonly link = output<string>();

  protected readonly unlinked = computed(() =>
    this.providers().filter(
      (provider) => !this.linked().some((identity) => identity.provider === provider.id),
    ),
  );

  protected labelOf(provider: string): string {
    return this.providers().find((candidate) => candidate.id === provider)?.label ?? provider;
  }
}
