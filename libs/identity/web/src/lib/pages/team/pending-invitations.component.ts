import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { type Invitation } from '@bandstand/identity/contracts';

/** Invitations nobody has accepted yet, with "Revoke" for managers. */
@Component({
  selector: 'bs-pending-invitations',
  imports: [DatePipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pending().length === 0) {
      <p class="bs-muted">No invitation is waiting for an answer.</p>
    } @else {
      <div class="bs-table-scroll">
        <table>
          <caption>
            Pending invitations
          </caption>
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Expires</th>
              @if (canManage()) {
                <th scope="col"><span class="bs-visually-hidden">Actions</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (invitation of pending(); track invitation.invitationId) {
              <tr>
                <td>{{ invitation.email }}</td>
                <td>{{ invitation.role }}</td>
                <td>{{ invitation.invitedBy }}</td>
                <td>{{ invitation.expiresAt | date: 'medium' }}</td>
                @if (canManage()) {
                  <td>
                    <button
                      mat-button
                      type="button"
                      [disabled]="busy()"
                      [attr.aria-label]="'Revoke invitation for ' + invitation.email"
                      (click)="revoke.emit(invitation)"
                    >
                      Revoke
                    </button>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './team-tables.scss',
})
export class PendingInvitationsComponent {
  readonly invitations = input.required<readonly Invitation[]>();
  readonly canManage = input(false);
  readonly busy = input(false);
  readonly revoke = output<Invitation>();

  protected readonly pending = computed(() =>
    this.invitations().filter((invitation) => invitation.status === 'pending'),
  );
}
