import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { ORG_ROLE_PERMISSIONS, ORG_PERMISSION_LABELS } from '@bandstand/shared/contracts';
import {
  ErrorStateComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../data/auth.store';
import { TeamClient } from '../../data/team.client';
import { AuthCardComponent } from '../../ui/auth-card.component';

/**
 * An invitation link: what joining means (organisation, role and what the role may do), then
 * "Accept invitation" — or, for someone not signed in yet, sign in or create an account and come
 * back here.
 */
@Component({
  selector: 'bs-invitation-accept-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButton,
    MatAnchor,
    AuthCardComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-auth-card heading="Join a team">
      @if (!token()) {
        <p role="alert">
          This invitation link has no token. Open the link from the e-mail again, or copy all of it.
        </p>
      } @else if (preview.error(); as error) {
        <bs-error-state [problem]="problemOf(error)" />
      } @else if (preview.value(); as invitation) {
        <p class="bs-invitation-summary">
          <strong>{{ invitation.invitedBy }}</strong> invites <strong>{{ invitation.email }}</strong> to join
          <strong>{{ invitation.orgName }}</strong> ({{ invitation.orgKind }}) as
          <strong>{{ invitation.role }}</strong>.
        </p>
        <p>As {{ invitation.role }} you may:</p>
        <ul class="bs-invitation-permissions">
          @for (label of permissionsOf(invitation.role); track label) {
            <li>{{ label }}</li>
          }
        </ul>
        <p class="bs-invitation-expiry">
          The invitation expires on {{ invitation.expiresAt | date: 'medium' }}.
        </p>
        @if (store.status() === 'signed-in') {
          <bs-problem-alert [problem]="problem()" />
          <button mat-flat-button type="button" [disabled]="busy()" (click)="accept()">
            Accept invitation
          </button>
        } @else if (store.status() === 'signed-out') {
          <p>Sign in with the account of {{ invitation.email }} to accept, or create one.</p>
          <div class="bs-invitation-actions">
            <a mat-flat-button routerLink="/sign-in" [queryParams]="{ returnUrl: here() }">Sign in</a>
            <a
              mat-stroked-button
              routerLink="/sign-up"
              [queryParams]="{ returnUrl: here(), email: invitation.email }"
            >
              Create an account
            </a>
          </div>
        }
      } @else {
        <bs-loading-state label="Reading the invitation…" />
      }
    </bs-auth-card>
  `,
  styles: `
    .bs-invitation-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bs-invitation-expiry {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class InvitationAcceptPageComponent {
  /** The invitation's token from the mailed link. */
  readonly token = input<string>();

  protected readonly store = inject(AuthStore);
  private readonly team = inject(TeamClient);
  private readonly router = inject(Router);

  protected readonly preview = rxResource({
    params: () => this.token() || undefined,
    stream: ({ params: token }) => this.team.invitationPreview(token),
  });

  protected readonly busy = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);

  /** This page with its token, to come back to after signing in or up. */
  protected readonly here = computed(
    () => `/invitations/accept?token=${encodeURIComponent(this.token() ?? '')}`,
  );

  constructor() {
    // Someone arriving signed in from an earlier visit is known only once the session is restored.
    void this.store.restore();
  }

  protected permissionsOf(role: keyof typeof ORG_ROLE_PERMISSIONS): readonly string[] {
    return ORG_ROLE_PERMISSIONS[role].map((permission) => ORG_PERMISSION_LABELS[permission]);
  }

  protected problemOf(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected async accept(): Promise<void> {
    const token = this.token();
    if (!token) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.team.acceptInvitation({ token }));
      await this.router.navigateByUrl('/team');
    } catch (error: unknown) {
      this.problem.set(problemFromError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
