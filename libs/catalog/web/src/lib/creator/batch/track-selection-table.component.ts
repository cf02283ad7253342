import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { formatIsrc, type TrackSummary } from '@bandstand/catalog/contracts';
import { displayText, formatDuration } from '../../shared/format/catalog-display';
import { StatusChipComponent } from '../../shared/ui/status-chip.component';

/** A change to the selection. */
export interface SelectionChange {
  readonly trackIds: readonly string[];
  readonly selected: boolean;
}

/** A page of tracks with a checkbox per row and one for the whole page. */
@Component({
  selector: 'bs-track-selection-table',
  imports: [MatCheckbox, StatusChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-table-scroll">
      <table>
        <caption class="bs-visually-hidden">
          Tracks
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <mat-checkbox
                aria-label="Select every track on this page"
                [checked]="allSelected()"
                [indeterminate]="someSelected()"
                [disabled]="tracks().length === 0"
                (change)="changed.emit({ trackIds: pageIds(), selected: $event.checked })"
              />
            </th>
            <th scope="col">Title</th>
            <th scope="col">Release</th>
            <th scope="col">Artist</th>
            <th scope="col">ISRC</th>
            <th scope="col">Duration</th>
            <th scope="col">Genre</th>
            <th scope="col">Advisory</th>
            <th scope="col">Language</th>
          </tr>
        </thead>
        <tbody>
          @for (track of tracks(); track track.trackId) {
            <tr [attr.data-track]="track.trackId" [class.bs-selected]="selected().has(track.trackId)">
              <td>
                <mat-checkbox
                  [aria-label]="'Select ' + title(track)"
                  [checked]="selected().has(track.trackId)"
                  (change)="changed.emit({ trackIds: [track.trackId], selected: $event.checked })"
                />
              </td>
              <td>
                {{ title(track) }}
                @if (track.versionTitle) {
                  <span class="bs-muted">({{ track.versionTitle }})</span>
                }
              </td>
              <td>
                {{ track.releaseTitle }}
                <bs-release-status-chip [status]="track.releaseStatus" />
              </td>
              <td>{{ track.displayArtist }}</td>
              <td class="bs-identifier">{{ track.isrc ? isrc(track.isrc) : '—' }}</td>
              <td class="bs-number">{{ duration(track) }}</td>
              <td>{{ track.genre ?? '—' }}</td>
              <td>{{ track.parentalWarning }}</td>
              <td>{{ track.language ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: '../../shared/ui/catalog-tables.scss',
  styles: `
    .bs-selected {
      background: var(--mat-sys-secondary-container);
    }
    .bs-identifier {
      white-space: nowrap;
    }
  `,
})
export class TrackSelectionTableComponent {
  readonly tracks = input.required<readonly TrackSummary[]>();
  readonly selected = input.required<ReadonlySet<string>>();
  readonly changed = output<SelectionChange>();

  protected readonly pageIds = computed(() => this.tracks().map((track) => track.trackId));
  protected readonly allSelected = computed(
    () => this.pageIds().length > 0 && this.pageIds().every((id) => this.selected().has(id)),
  );
  protected readonly someSelected = computed(
    () => !this.allSelected() && this.pageIds().some((id) => this.selected().has(id)),
  );

  protected title(track: TrackSummary): string {
    return displayText(track.title);
  }

  protected isrc(isrc: string): string {
    return formatIsrc(isrc);
  }

  protected duration(track: TrackSummary): string {
    return formatDuration(track.durationMs) || '—';
  }
}
