import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { type PublicArtist } from '@bandstand/catalog/contracts';
import {
  ErrorStateComponent,
  LoadingStateComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { displayText } from '../../shared/format/catalog-display';
import { PublicCatalogClient } from '../data/public-catalog.client';
import { territoryName } from '../format/fan-display';
import { isNotFound } from '../format/not-found';
import { NotAvailableComponent } from '../ui/not-available.component';
import { ReleaseGridComponent } from '../ui/release-grid.component';

function shownArtist(artist: PublicArtist) {
  const name = displayText(artist.name);
  return {
    artist,
    name,
    original: name === artist.name.text ? null : artist.name.text,
    country: artist.country === null ? null : territoryName(artist.country),
  };
}

/**
 * An artist's page in the fan app (`artists/:artistId`): name (in the reader's language, with the
 * original), where they are from, their bio and their releases out in the fan's territory.
 */
@Component({
  selector: 'bs-fan-artist-page',
  imports: [ErrorStateComponent, LoadingStateComponent, NotAvailableComponent, ReleaseGridComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      @if (artist.error(); as error) {
        @if (notFound()) {
          <bs-not-available heading="Artist not found" />
        } @else {
          <h1>Artist</h1>
          <bs-error-state [problem]="problem(error)" [retryable]="true" (retry)="artist.reload()" />
        }
      } @else if (shown(); as shown) {
        <header class="bs-artist-head">
          <h1>{{ shown.name }}</h1>
          @if (shown.original; as original) {
            <p class="bs-artist-original">
              <span [attr.lang]="shown.artist.name.language">{{ original }}</span>
            </p>
          }
          @if (shown.country; as country) {
            <p class="bs-artist-country">From {{ country }}</p>
          }
        </header>
        @if (shown.artist.bio; as bio) {
          <section aria-labelledby="bs-artist-bio">
            <h2 id="bs-artist-bio">About</h2>
            <p class="bs-artist-bio">{{ bio }}</p>
          </section>
        }
        <section aria-labelledby="bs-artist-releases">
          <h2 id="bs-artist-releases">Releases</h2>
          <bs-release-grid [releases]="shown.artist.releases" [label]="'Releases by ' + shown.name" />
        </section>
      } @else {
        <bs-loading-state label="Loading the artist…" />
      }
    </div>
  `,
  styles: `
    .bs-artist-head {
      display: grid;
      gap: 4px;
    }
    .bs-artist-head h1,
    .bs-artist-head p {
      margin: 0;
    }
    .bs-artist-original,
    .bs-artist-country {
      color: var(--mat-sys-on-surface-variant);
    }
    section {
      display: grid;
      gap: 8px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .bs-artist-bio {
      max-width: 75ch;
      margin: 0;
      white-space: pre-line;
    }
  `,
})
export class ArtistPageComponent {
  private readonly client = inject(PublicCatalogClient);

  /** Bound from the route. */
  readonly artistId = input.required<string>();

  protected readonly artist = rxResource({
    params: () => this.artistId(),
    stream: ({ params: artistId }) => this.client.artist(artistId),
  });
  protected readonly shown = computed(() =>
    this.artist.hasValue() ? shownArtist(this.artist.value()) : null,
  );
  protected readonly notFound = computed(() => isNotFound(this.artist.error()));

  protected problem(error: unknown): ShownProblem {
    return problemFromError(error);
  }
}
