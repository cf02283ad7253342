import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  RELEASE_STATUSES,
  type ReleaseStatus,
  type ReleaseSummary,
  type SearchHit,
} from '@bandstand/catalog/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { type Page } from '@bandstand/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { ActiveOrganisation } from '../../shared/data/active-organisation';
import { ArtworkUrls } from '../../shared/data/blob-urls';
import { CatalogClient } from '../../shared/data/catalog.client';
import { OrgScopeComponent } from '../../shared/ui/org-scope.component';
import { SearchFormComponent } from '../../shared/ui/search-form.component';
import { ReleasesTableComponent } from './releases-table.component';

const STATUS_LABELS: Readonly<Record<ReleaseStatus, string>> = {
  draft: 'Drafts',
  scheduled: 'Scheduled',
  released: 'Released',
  'taken-down': 'Taken down',
};

/** What the search found, or why it failed. */
interface SearchState {
  readonly query: string;
  readonly hits: readonly SearchHit[] | null;
  readonly problem: ShownProblem | null;
}

/**
 * The creator console's catalog section: the organisation's releases with a status filter and a
 * search, and the ways to the editor, the calendar, batch editing, import/export and artists.
 */
@Component({
  selector: 'bs-catalog-overview-view',
  imports: [
    RouterLink,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatIcon,
    MatSelect,
    MatOption,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    OrgScopeComponent,
    SearchFormComponent,
    ProblemAlertComponent,
    ReleasesTableComponent,
  ],
  providers: [ActiveOrganisation, ArtworkUrls],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-catalog-org-scope
      [organisations]="org.list()"
      [selected]="org.organisation()"
      [problem]="org.problem()"
      (choose)="org.choose($event)"
      (retry)="org.organisations.reload()"
    >
      <nav class="bs-catalog-actions" aria-label="Catalog">
        @if (canWrite()) {
          <a mat-flat-button routerLink="/catalog/releases/new">
            <mat-icon aria-hidden="true">add</mat-icon>
            New release
          </a>
        }
        <a mat-stroked-button routerLink="/catalog/calendar">
          <mat-icon aria-hidden="true">calendar_month</mat-icon>
          Calendar
        </a>
        @if (canWrite()) {
          <a mat-stroked-button routerLink="/catalog/batch">
            <mat-icon aria-hidden="true">edit_note</mat-icon>
            Batch edit
          </a>
          <a mat-stroked-button routerLink="/catalog/import">
            <mat-icon aria-hidden="true">upload_file</mat-icon>
            Import/Export
          </a>
        }
        <a mat-stroked-button routerLink="/catalog/artists">
          <mat-icon aria-hidden="true">person</mat-icon>
          Artists
        </a>
      </nav>

      <mat-card appearance="outlined">
        <mat-card-content class="bs-release-list">
          <div class="bs-filters">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Status</mat-label>
              <mat-select [value]="status()" (selectionChange)="status.set($event.value)">
                <mat-option [value]="null">All releases</mat-option>
                @for (candidate of statuses; track candidate) {
                  <mat-option [value]="candidate">{{ statusLabel(candidate) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <bs-catalog-search-form
              class="bs-search"
              label="Search the catalog"
              placeholder="Title, artist, ISRC, UPC…"
              submitLabel="Search"
              [(text)]="searchText"
              (submitted)="search()"
            />
          </div>

          @if (searchState(); as found) {
            <section class="bs-search-results" aria-label="Search results">
              <div class="bs-search-heading">
                <h2>Results for “{{ found.query }}”</h2>
                <button mat-button type="button" (click)="clearSearch()">Clear search</button>
              </div>
              @if (found.problem; as shown) {
                <bs-problem-alert [problem]="shown" />
              } @else if (found.hits; as hits) {
                @if (hits.length === 0) {
                  <p class="bs-muted">Nothing matches.</p>
                } @else {
                  <ul>
                    @for (hit of hits; track hit.kind + hit.id) {
                      <li [attr.data-hit]="hit.id">
                        <span class="bs-hit-kind">{{ hit.kind }}</span>
                        @if (hit.kind === 'artist') {
                          <a routerLink="/catalog/artists">{{ hit.title }}</a>
                        } @else {
                          <a [routerLink]="['/catalog/releases', hit.releaseId ?? hit.id]">{{ hit.title }}</a>
                        }
                        <span class="bs-muted">{{ hit.subtitle }}</span>
                        @for (identifier of hit.identifiers; track identifier) {
                          <code>{{ identifier }}</code>
                        }
                      </li>
                    }
                  </ul>
                }
              } @else {
                <bs-loading-state [compact]="true" label="Searching…" />
              }
            </section>
          }

          @if (releases.error(); as error) {
            <bs-error-state [problem]="problemOf(error)" [retryable]="true" (retry)="releases.reload()" />
          } @else if (list(); as shown) {
            @if (shown.items.length === 0) {
              <bs-empty-state
                icon="album"
                [heading]="status() === null ? 'No releases yet' : 'No releases with this status'"
                [message]="
                  status() === null
                    ? 'Create a release, or import your catalog from a CSV or DDEX ERN file.'
                    : 'Choose another status to see other releases.'
                "
              />
            } @else {
              <bs-releases-table [releases]="shown.items" [artworkUrls]="artwork.all()" />
              @if (shown.nextCursor) {
                <button mat-stroked-button type="button" [disabled]="loadingMore()" (click)="loadMore()">
                  More releases
                </button>
              }
              <bs-problem-alert [problem]="moreProblem()" />
            }
          } @else {
            <bs-loading-state [compact]="true" label="Loading releases…" />
          }
        </mat-card-content>
      </mat-card>
    </bs-catalog-org-scope>
  `,
  styles: `
    .bs-catalog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bs-release-list {
      display: grid;
      gap: 12px;
    }
    .bs-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .bs-search {
      flex: 1 1 320px;
    }
    .bs-search-heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .bs-search-heading h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .bs-search-results ul {
      margin: 0;
      padding-left: 16px;
    }
    .bs-search-results li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .bs-hit-kind {
      font: var(--mat-sys-label-small);
      text-transform: uppercase;
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CatalogOverviewViewComponent {
  private readonly client = inject(CatalogClient);
  protected readonly org = inject(ActiveOrganisation);
  protected readonly artwork = inject(ArtworkUrls);

  protected readonly statuses = RELEASE_STATUSES;
  protected readonly status = signal<ReleaseStatus | null>(null);
  protected readonly canWrite = computed(() => this.org.can('catalog.write'));

  protected readonly releases = rxResource({
    params: () => {
      const orgId = this.org.orgId();
      return orgId === null ? undefined : { orgId, status: this.status() };
    },
    stream: ({ params }) =>
      this.client.releases(params.orgId, params.status === null ? {} : { status: params.status }),
  });

  /** The first page and the pages loaded with "More releases". */
  protected readonly list = linkedSignal<Page<ReleaseSummary> | undefined>(() =>
    this.releases.hasValue() ? this.releases.value() : undefined,
  );
  protected readonly loadingMore = signal(false);
  protected readonly moreProblem = signal<ShownProblem | null>(null);

  protected readonly searchText = signal('');
  protected readonly searchState = signal<SearchState | null>(null);

  constructor() {
    effect(() => {
      const orgId = this.org.orgId();
      const items = this.list()?.items;
      if (orgId !== null && items !== undefined) {
        this.artwork.load(
          orgId,
          items.map((release) => release.artworkAssetId),
        );
      }
    });
  }

  protected statusLabel(status: ReleaseStatus): string {
    return STATUS_LABELS[status];
  }

  protected problemOf(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected async loadMore(): Promise<void> {
    const orgId = this.org.orgId();
    const current = this.list();
    const cursor = current?.nextCursor ?? null;
    if (orgId === null || current === undefined || cursor === null) return;
    this.loadingMore.set(true);
    this.moreProblem.set(null);
    try {
      const status = this.status();
      const next = await firstValueFrom(
        this.client.releases(orgId, {
          cursor,
          ...(status === null ? {} : { status }),
        }),
      );
      this.list.set({ items: [...current.items, ...next.items], nextCursor: next.nextCursor });
    } catch (error: unknown) {
      this.moreProblem.set(problemFromError(error));
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected async search(): Promise<void> {
    const orgId = this.org.orgId();
    const query = this.searchText().trim();
    if (orgId === null || query === '') return;
    this.searchState.set({ query, hits: null, problem: null });
    try {
      const hits = await firstValueFrom(this.client.search(orgId, { q: query, limit: 20 }));
      if (this.searchState()?.query === query) this.searchState.set({ query, hits, problem: null });
    } catch (error: unknown) {
      if (this.searchState()?.query === query) {
        this.searchState.set({ query, hits: null, problem: problemFromError(error) });
      }
    }
  }

  protected clearSearch(): void {
    this.searchText.set('');
    this.searchState.set(null);
  }
}
