import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { type Organisation } from '@bandstand/identity/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';

/**
 * The organisation a catalog page works on: a selector when the user belongs to several, the
 * name and role otherwise, and the page's content (projected) once one is chosen. While the list
 * loads, when it fails, or when the user has no organisation yet, it says so instead.
 */
@Component({
  selector: 'bs-catalog-org-scope',
  imports: [
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    RouterLink,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as shown) {
      <bs-error-state [problem]="shown" [retryable]="true" (retry)="retry.emit()" />
    } @else if (organisations(); as list) {
      @if (selected(); as org) {
        <div class="bs-org-choice">
          @if (list.length > 1) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Organisation</mat-label>
              <mat-select [value]="org.orgId" (selectionChange)="choose.emit($event.value)">
                @for (candidate of list; track candidate.orgId) {
                  <mat-option [value]="candidate.orgId">{{ candidate.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          } @else {
            <span class="bs-org-name">{{ org.name }}</span>
          }
          @if (org.myRole) {
            <span class="bs-org-role">You are {{ org.myRole }} of this {{ org.kind }}.</span>
          }
        </div>
        <ng-content />
      } @else {
        <bs-empty-state
          icon="album"
          heading="No organisation yet"
          message="A catalog belongs to an organisation: an artist's or a label's. Create one on the Team page, then come back."
        >
          <a routerLink="/team">Go to the Team page</a>
        </bs-empty-state>
      }
    } @else {
      <bs-loading-state label="Loading your organisations…" />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: var(--bs-gap, 16px);
    }
    .bs-org-choice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .bs-org-name {
      font: var(--mat-sys-title-medium);
    }
    .bs-org-role {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OrgScopeComponent {
  /** The user's organisations; undefined while they load. */
  readonly organisations = input<readonly Organisation[] | undefined>(undefined);
  readonly selected = input<Organisation | null>(null);
  /** Why the organisations could not be loaded. */
  readonly problem = input<ShownProblem | null>(null);
  readonly choose = output<string>();
  readonly retry = output();
}
