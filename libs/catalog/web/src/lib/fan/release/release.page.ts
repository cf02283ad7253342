import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  MatExpansionPanel,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { formatIsrc, formatUpc, type PublicRelease } from '@bandstand/catalog/contracts';
import {
  ErrorStateComponent,
  LoadingStateComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { displayText, releaseTypeLabel } from '../../shared/format/catalog-display';
import { PublicCatalogClient } from '../data/public-catalog.client';
import {
  advisoryBadge,
  availabilityLine,
  copyrightText,
  creditLines,
  languageName,
  territoryName,
} from '../format/fan-display';
import { isNotFound } from '../format/not-found';
import { NotAvailableComponent } from '../ui/not-available.component';
import { TrackListComponent } from './track-list.component';

/** What the page shows of a release, worked out once. */
function shownRelease(release: PublicRelease) {
  const title = displayText(release.title);
  const linkedNames = release.artists.map((artist) => displayText(artist.name));
  return {
    release,
    title,
    original: title === release.title.text ? null : release.title.text,
    type: releaseTypeLabel(release.type),
    artists: release.artists.map((artist, index) => ({
      artistId: artist.artistId,
      name: linkedNames[index] ?? '',
    })),
    // The credited line ("Aurora Lane feat. Kestrel") when it says more than the linked names.
    artistLine: release.displayArtist === linkedNames.join(', ') ? null : release.displayArtist,
    advisory: advisoryBadge(release.parentalWarning),
    territory: territoryName(release.territory),
    availability: availabilityLine(release.territories, release.excludedTerritories),
    languages: release.languages.map(languageName).join(', '),
    pLine: copyrightText('℗', release.pLine),
    cLine: copyrightText('©', release.cLine),
    credits: creditLines(release.contributors),
    upc: release.upc === null ? null : formatUpc(release.upc),
    isrcs: release.tracks.flatMap((track) =>
      track.isrc === null
        ? []
        : [{ trackId: track.trackId, title: displayText(track.title), isrc: formatIsrc(track.isrc) }],
    ),
  };
}

/**
 * A release's page in the fan app (`releases/:releaseId`): its newest published version as it is
 * out in the fan's territory — artwork, title, artists, date, label, ℗/© lines, genre, advisory,
 * where it is out, the tracks with their credits, and identifiers in a details panel.
 */
@Component({
  selector: 'bs-fan-release-page',
  imports: [
    DatePipe,
    ErrorStateComponent,
    LoadingStateComponent,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatIcon,
    NotAvailableComponent,
    RouterLink,
    TrackListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './release.page.html',
  styleUrl: './release.page.scss',
})
export class ReleasePageComponent {
  private readonly client = inject(PublicCatalogClient);

  /** Bound from the route. */
  readonly releaseId = input.required<string>();

  protected readonly release = rxResource({
    params: () => this.releaseId(),
    stream: ({ params: releaseId }) => this.client.release(releaseId),
  });
  protected readonly shown = computed(() => {
    const release = this.release.hasValue() ? this.release.value() : undefined;
    return release === undefined ? null : shownRelease(release);
  });
  protected readonly notFound = computed(() => isNotFound(this.release.error()));

  protected problem(error: unknown): ShownProblem {
    return problemFromError(error);
  }
}
