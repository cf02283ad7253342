import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { type PublicReleaseSummary, type SearchHit } from '@bandstand/catalog/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { PublicCatalogClient } from '../data/public-catalog.client';
import { ReleaseGridComponent } from '../ui/release-grid.component';
import { SearchResultsComponent } from './search-results.component';

/** Longest search the api accepts. */
export const MAX_QUERY_LENGTH = 200;

/**
 * The fan app's Discover section: a search over releases, tracks and artists, and the newest
 * releases out in the fan's territory, a page at a time.
 */
@Component({
  selector: 'bs-discover-view',
  imports: [
    MatButton,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    ReleaseGridComponent,
    SearchResultsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="bs-discover-search" aria-labelledby="bs-discover-search-heading">
      <h2 id="bs-discover-search-heading">Search</h2>
      <form role="search" aria-label="Search the catalog" (submit)="search($event)">
        <mat-form-field appearance="outline">
          <mat-label>Releases, tracks or artists</mat-label>
          <input
            matInput
            name="q"
            type="search"
            autocomplete="off"
            [maxLength]="maxQueryLength"
            [value]="query()"
            (input)="query.set(inputValue($event))"
          />
          <mat-hint>A title, a name, a UPC or an ISRC</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="searching()">
          <mat-icon aria-hidden="true">search</mat-icon>
          Search
        </button>
      </form>
      <bs-problem-alert [problem]="searchProblem()" />
      @if (searching()) {
        <bs-loading-state label="Searching…" [compact]="true" />
      } @else if (results(); as found) {
        <bs-search-results [hits]="found.hits" [query]="found.query" />
      }
    </section>

    <section class="bs-discover-new" aria-labelledby="bs-discover-new-heading">
      <h2 id="bs-discover-new-heading">New releases</h2>
      @if (releases().length > 0) {
        <bs-release-grid [releases]="releases()" label="New releases" />
      }
      @if (listProblem(); as problem) {
        <bs-error-state [problem]="problem" [retryable]="true" (retry)="loadMore()" />
      } @else if (loading()) {
        <bs-loading-state label="Loading releases…" />
      } @else if (releases().length === 0) {
        <bs-empty-state
          icon="album"
          heading="Nothing is out yet"
          message="New releases appear here the moment they come out in your territory."
        />
      } @else if (nextCursor() !== null) {
        <button mat-stroked-button type="button" class="bs-load-more" (click)="loadMore()">
          Show more releases
        </button>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      gap: calc(2 * var(--bs-gap, 16px));
    }
    section {
      display: grid;
      gap: var(--bs-gap, 16px);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
    }
    mat-form-field {
      flex: 1 1 280px;
      max-width: 560px;
    }
    form button {
      margin-top: 8px;
    }
    .bs-load-more {
      justify-self: start;
    }
  `,
})
export class DiscoverViewComponent {
  private readonly client = inject(PublicCatalogClient);

  protected readonly maxQueryLength = MAX_QUERY_LENGTH;
  protected readonly query = signal('');
  protected readonly searching = signal(false);
  protected readonly results = signal<{ readonly query: string; readonly hits: readonly SearchHit[] } | null>(
    null,
  );
  protected readonly searchProblem = signal<ShownProblem | null>(null);

  protected readonly releases = signal<readonly PublicReleaseSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly listProblem = signal<ShownProblem | null>(null);

  constructor() {
    void this.loadMore();
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async search(event: Event): Promise<void> {
    event.preventDefault();
    const query = this.query().trim();
    this.searchProblem.set(null);
    if (query === '') {
      this.results.set(null);
      return;
    }
    this.searching.set(true);
    try {
      const hits = await firstValueFrom(this.client.search(query));
      this.results.set({ query, hits });
    } catch (error: unknown) {
      this.results.set(null);
      this.searchProblem.set(problemFromError(error));
    } finally {
      this.searching.set(false);
    }
  }

  /** The first page, or the one after those shown. */
  protected async loadMore(): Promise<void> {
    this.loading.set(true);
    this.listProblem.set(null);
    try {
      const page = await firstValueFrom(this.client.releases(this.nextCursor()));
      this.releases.update((shown) => [...shown, ...page.items]);
      this.nextCursor.set(page.nextCursor);
    } catch (error: unknown) {
      this.listProblem.set(problemFromError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
