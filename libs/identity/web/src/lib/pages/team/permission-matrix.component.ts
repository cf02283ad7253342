import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import {
  ORG_PERMISSION_LABELS,
  ORG_PERMISSIONS,
  ORG_ROLES,
  type OrgRole,
  orgRoleAllows,
} from '@bandstand/shared/contracts';

/** What each role of an organisation may do: the platform's permission matrix, as a table. */
@Component({
  selector: 'bs-permission-matrix',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-table-scroll">
      <table>
        <caption>
          What each role may do
        </caption>
        <thead>
          <tr>
            <th scope="col">Permission</th>
            @for (role of roles; track role) {
              <th scope="col" class="bs-cell-center" [class.bs-mine]="role === myRole()">{{ role }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (permission of permissions; track permission) {
            <tr [attr.data-permission]="permission">
              <th scope="row">{{ labels[permission] }}</th>
              @for (role of roles; track role) {
                <td class="bs-cell-center" [class.bs-mine]="role === myRole()">
                  @if (allows(role, permission)) {
                    <mat-icon aria-hidden="true">check</mat-icon>
                    <span class="bs-visually-hidden">Yes</span>
                  } @else {
                    <span aria-hidden="true" class="bs-muted">–</span>
                    <span class="bs-visually-hidden">No</span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './team-tables.scss',
  styles: `
    tbody th {
      font: var(--mat-sys-body-medium);
      color: inherit;
    }
    .bs-mine {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class PermissionMatrixComponent {
  /** The viewer's role, highlighted. */
  readonly myRole = input<OrgRole | null>(null);

  protected readonly roles = ORG_ROLES;
  protected readonly permissions = ORG_PERMISSIONS;
  protected readonly labels = ORG_PERMISSION_LABELS;
  protected readonly allows = orgRoleAllows;
}
