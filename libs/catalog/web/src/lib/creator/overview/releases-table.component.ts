import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatUpc, type ReleaseSummary } from '@bandstand/catalog/contracts';
import { displayText, releaseTypeLabel } from '../../shared/format/catalog-display';
import { StatusChipComponent } from '../../shared/ui/status-chip.component';

/** An organisation's releases: artwork, title (a link to the editor), artist, type, status, date, UPC, tracks. */
@Component({
  selector: 'bs-releases-table',
  imports: [DatePipe, RouterLink, StatusChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-table-scroll">
      <table>
        <caption class="bs-visually-hidden">
          Releases
        </caption>
        <thead>
          <tr>
            <th scope="col"><span class="bs-visually-hidden">Artwork</span></th>
            <th scope="col">Title</th>
            <th scope="col">Artist</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Release date</th>
            <th scope="col">UPC</th>
            <th scope="col" class="bs-number">Tracks</th>
          </tr>
        </thead>
        <tbody>
          @for (release of releases(); track release.releaseId) {
            <tr [attr.data-release]="release.releaseId">
              <td class="bs-artwork-cell">
                @if (release.artworkAssetId && artworkUrls()[release.artworkAssetId]; as url) {
                  <img class="bs-thumbnail" [src]="url" alt="" width="48" height="48" />
                } @else {
                  <span class="bs-thumbnail bs-no-artwork" aria-hidden="true"></span>
                }
              </td>
              <td>
                <a class="bs-release-link" [routerLink]="['/catalog/releases', release.releaseId]">{{
                  title(release)
                }}</a>
                @if (release.hasDraftChanges && release.version > 0) {
                  <span class="bs-draft-badge">Draft changes</span>
                }
              </td>
              <td>{{ release.displayArtist }}</td>
              <td>{{ typeLabel(release) }}</td>
              <td><bs-release-status-chip [status]="release.status" /></td>
              <td>{{ release.releaseAt ? (release.releaseAt | date: 'medium') : '—' }}</td>
              <td class="bs-upc">{{ release.upc ? upc(release.upc) : '—' }}</td>
              <td class="bs-number">{{ release.trackCount }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: '../../shared/ui/catalog-tables.scss',
  styles: `
    .bs-thumbnail {
      display: block;
      width: 48px;
      height: 48px;
      border-radius: 4px;
      object-fit: cover;
    }
    .bs-no-artwork {
      background: var(--mat-sys-surface-container-high);
    }
    .bs-draft-badge {
      margin-inline-start: 8px;
      padding: 1px 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .bs-upc {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `,
})
export class ReleasesTableComponent {
  readonly releases = input.required<readonly ReleaseSummary[]>();
  /** Artwork image URLs by asset id; a release whose artwork is missing here shows a blank tile. */
  readonly artworkUrls = input<Readonly<Record<string, string>>>({});

  protected title(release: ReleaseSummary): string {
    return displayText(release.title);
  }

  protected typeLabel(release: ReleaseSummary): string {
    return releaseTypeLabel(release.type);
  }

  protected upc(upc: string): string {
    return formatUpc(upc);
  }
}
