import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { type PublicReleaseSummary } from '@bandstand/catalog/contracts';
import { displayText, releaseTypeLabel } from '../../shared/format/catalog-display';

/** A release in a grid: its artwork, title, artist line, type and release date, linking to its page. */
@Component({
  selector: 'bs-release-card',
  imports: [DatePipe, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      class="bs-release-card"
      [routerLink]="['/releases', release().releaseId]"
      [attr.data-release]="release().releaseId"
    >
      @if (release().artworkUrl; as artwork) {
        <!-- The title right below says what the cover shows. -->
        <img class="bs-release-artwork" [src]="artwork" alt="" width="240" height="240" loading="lazy" />
      } @else {
        <span class="bs-release-artwork bs-release-artwork-missing" aria-hidden="true">
          <mat-icon>album</mat-icon>
        </span>
      }
      <span class="bs-release-title">{{ title() }}</span>
      <span class="bs-release-artist">{{ release().displayArtist }}</span>
      <span class="bs-release-meta">
        {{ type() }} ·
        <time [attr.datetime]="release().releaseDate">{{ release().releaseDate | date: 'mediumDate' }}</time>
      </span>
    </a>
  `,
  styles: `
    .bs-release-card {
      display: grid;
      gap: 4px;
      color: inherit;
      text-decoration: none;
    }
    .bs-release-card:hover .bs-release-title,
    .bs-release-card:focus-visible .bs-release-title {
      text-decoration: underline;
    }
    .bs-release-artwork {
      width: 100%;
      height: auto;
      aspect-ratio: 1;
      border-radius: 8px;
      object-fit: cover;
      background: var(--mat-sys-surface-container-high);
    }
    .bs-release-artwork-missing {
      display: grid;
      place-items: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-release-title {
      font: var(--mat-sys-title-small);
    }
    .bs-release-artist,
    .bs-release-meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReleaseCardComponent {
  readonly release = input.required<PublicReleaseSummary>();

  protected readonly title = computed(() => displayText(this.release().title));
  protected readonly type = computed(() => releaseTypeLabel(this.release().type));
}
