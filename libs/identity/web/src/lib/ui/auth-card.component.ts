import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';

/** The frame of the sign-in pages: one narrow card with the page's heading. */
@Component({
  selector: 'bs-auth-card',
  imports: [MatCard, MatCardContent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <mat-card appearance="outlined" class="bs-auth-card">
        <mat-card-content>
          <h1>{{ heading() }}</h1>
          @if (lead()) {
            <p class="bs-auth-lead">{{ lead() }}</p>
          }
          <ng-content />
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .bs-auth-card {
      width: 100%;
      max-width: 440px;
      justify-self: center;
    }
    h1 {
      margin: 8px 0 4px;
      font: var(--mat-sys-headline-small);
    }
    .bs-auth-lead {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AuthCardComponent {
  readonly heading = input.required<string>();
  /** One sentence under the heading. */
  readonly lead = input<string>();
}
