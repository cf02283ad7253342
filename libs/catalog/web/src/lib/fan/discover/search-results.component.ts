import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type SearchHit } from '@bandstand/catalog/contracts';

interface HitGroup {
  readonly kind: SearchHit['kind'];
  readonly heading: string;
  readonly hits: readonly SearchHit[];
}

const GROUPS: readonly Omit<HitGroup, 'hits'>[] = [
  { kind: 'release', heading: 'Releases' },
  { kind: 'track', heading: 'Tracks' },
  { kind: 'artist', heading: 'Artists' },
];

/** The page a hit opens: a release or an artist; a track opens the release it is on. */
export function hitLink(hit: SearchHit): readonly string[] {
  if (hit.kind === 'artist') return ['/artists', hit.id];
  return ['/releases', hit.releaseId ?? hit.id];
}

/** Search hits grouped by kind (releases, tracks, artists), each group best first. */
@Component({
  selector: 'bs-search-results',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (hits().length === 0) {
      <p class="bs-search-empty">Nothing out in your territory matches “{{ query() }}”.</p>
    } @else {
      @for (group of groups(); track group.kind) {
        <section class="bs-search-group" [attr.data-kind]="group.kind">
          <h3>{{ group.heading }}</h3>
          <ul>
            @for (hit of group.hits; track hit.kind + hit.id) {
              <li>
                <a [routerLink]="link(hit)">{{ hit.title }}</a>
                @if (hit.subtitle) {
                  <span class="bs-search-subtitle"> · {{ hit.subtitle }}</span>
                }
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    ul {
      margin: 0;
      padding-left: 16px;
    }
    .bs-search-subtitle,
    .bs-search-empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SearchResultsComponent {
  readonly hits = input.required<readonly SearchHit[]>();
  /** What was searched for, to say so when nothing matched. */
  readonly query = input.required<string>();

  protected readonly groups = computed(() =>
    GROUPS.map((group) => ({ ...group, hits: this.hits().filter((hit) => hit.kind === group.kind) })).filter(
      (group) => group.hits.length > 0,
    ),
  );

  protected link(hit: SearchHit): readonly string[] {
    return hitLink(hit);
  }
}
