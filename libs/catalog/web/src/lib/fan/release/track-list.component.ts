import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type PublicTrack } from '@bandstand/catalog/contracts';
import { displayText, formatDuration } from '../../shared/format/catalog-display';
import { advisoryBadge, creditLines, featuredArtists, tracksByDisc } from '../format/fan-display';

/** A track as the list shows it. */
interface ShownTrack {
  readonly track: PublicTrack;
  readonly title: string;
  readonly featured: string;
  readonly advisory: string | null;
  readonly duration: string;
  readonly credits: ReturnType<typeof creditLines>;
}

/**
 * A release's tracks in play order, disc by disc: number, title in the reader's language with its
 * version, featured artists, advisory, duration, and each track's credits (composer, producer…).
 */
@Component({
  selector: 'bs-track-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (disc of discs(); track disc.disc) {
      @if (discs().length > 1) {
        <h3 class="bs-disc">Disc {{ disc.disc }}</h3>
      }
      <ol class="bs-tracks" [attr.aria-label]="discs().length > 1 ? 'Disc ' + disc.disc : 'Tracks'">
        @for (shown of disc.tracks; track shown.track.trackId) {
          <li class="bs-track" [attr.data-track]="shown.track.trackId" [value]="shown.track.position">
            <div class="bs-track-line">
              <span class="bs-track-number" aria-hidden="true">{{ shown.track.position }}</span>
              <span class="bs-track-title">
                <span class="bs-track-name">{{ shown.title }}</span>
                @if (shown.track.versionTitle) {
                  <span class="bs-track-version">({{ shown.track.versionTitle }})</span>
                }
                @if (shown.featured) {
                  <span class="bs-track-featured">feat. {{ shown.featured }}</span>
                }
                @if (shown.advisory; as advisory) {
                  <span class="bs-advisory" role="img" [attr.aria-label]="advisory" [attr.title]="advisory">{{
                    advisory === 'Explicit' ? 'E' : 'C'
                  }}</span>
                }
              </span>
              <span class="bs-track-duration">
                @if (shown.duration) {
                  <span class="bs-visually-hidden">Duration </span>{{ shown.duration }}
                }
              </span>
            </div>
            @if (shown.credits.length > 0) {
              <dl class="bs-track-credits">
                @for (line of shown.credits; track line.role) {
                  <div>
                    <dt>{{ line.label }}</dt>
                    <dd>{{ line.names.join(', ') }}</dd>
                  </div>
                }
              </dl>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .bs-disc {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .bs-tracks {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .bs-track {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .bs-track-line {
      display: grid;
      grid-template-columns: 2.5em 1fr auto;
      gap: 8px;
      align-items: baseline;
    }
    .bs-track-title {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 6px;
    }
    .bs-track-number,
    .bs-track-duration,
    .bs-track-version,
    .bs-track-featured {
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-track-duration {
      font-variant-numeric: tabular-nums;
    }
    .bs-advisory {
      padding: 0 4px;
      border-radius: 2px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-on-surface-variant);
      color: var(--mat-sys-surface);
    }
    .bs-track-credits {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      margin: 4px 0 0 calc(2.5em + 8px);
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-track-credits div {
      display: flex;
      gap: 4px;
    }
    .bs-track-credits dt::after {
      content: ':';
    }
    .bs-track-credits dd {
      margin: 0;
    }
    .bs-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class TrackListComponent {
  readonly tracks = input.required<readonly PublicTrack[]>();

  protected readonly discs = computed(() =>
    tracksByDisc(this.tracks()).map((disc) => ({
      disc: disc.disc,
      tracks: disc.tracks.map((track): ShownTrack => ({
        track,
        title: displayText(track.title),
        featured: featuredArtists(track).join(', '),
        advisory: advisoryBadge(track.parentalWarning),
        duration: formatDuration(track.durationMs),
        credits: creditLines(track.contributors),
      })),
    })),
  );
}
