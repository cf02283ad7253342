import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FieldChange } from '@bandstand/catalog/contracts';
import { describeValue } from '../format/catalog-display';

/** What changed, field by field: path, value before and value after. */
@Component({
  selector: 'bs-changes-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (changes().length === 0) {
      <p class="bs-muted">{{ emptyMessage() }}</p>
    } @else {
      <div class="bs-table-scroll">
        <table class="bs-changes">
          <caption class="bs-visually-hidden">
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            @for (change of changes(); track $index) {
              <tr [attr.data-path]="change.path">
                <td>
                  <code>{{ change.path }}</code>
                </td>
                <td class="bs-before">{{ describe(change.before) }}</td>
                <td class="bs-after">{{ describe(change.after) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './catalog-tables.scss',
})
export class ChangesTableComponent {
  readonly changes = input.required<readonly FieldChange[]>();
  readonly caption = input('Changes');
  readonly emptyMessage = input('No field differs.');
  protected readonly describe = describeValue;
}
