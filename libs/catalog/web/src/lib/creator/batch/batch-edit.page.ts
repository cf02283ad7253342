import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type WritableSignal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { type BatchEditRequest, type ChangePlan, type TrackBatchFields } from '@bandstand/catalog/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { ActiveOrganisation } from '../../shared/data/active-organisation';
import { CatalogClient } from '../../shared/data/catalog.client';
import { PlanSession } from '../../shared/data/plan-session';
import { OrgScopeComponent } from '../../shared/ui/org-scope.component';
import { PageHeadingComponent } from '../../shared/ui/page-heading.component';
import { PlanPanelComponent } from '../../shared/ui/plan-panel.component';
import { SearchFormComponent } from '../../shared/ui/search-form.component';
import { BatchFieldsFormComponent } from './batch-fields-form.component';
import { type SelectionChange, TrackSelectionTableComponent } from './track-selection-table.component';

/** Tracks per page of the selection table. */
const PAGE_SIZE = 50;

/**
 * Batch editing of tracks: select tracks (page by page, with a filter), choose the fields to set,
 * preview the change plan with every field that would change, then apply it all or nothing.
 */
@Component({
  selector: 'bs-batch-edit-page',
  imports: [
    MatButton,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    OrgScopeComponent,
    PageHeadingComponent,
    PlanPanelComponent,
    SearchFormComponent,
    BatchFieldsFormComponent,
    TrackSelectionTableComponent,
  ],
  providers: [ActiveOrganisation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <bs-catalog-page-heading heading="Batch edit" />
      <bs-catalog-org-scope
        [organisations]="org.list()"
        [selected]="org.organisation()"
        [problem]="org.problem()"
        (choose)="chooseOrg($event)"
        (retry)="org.organisations.reload()"
      >
        <p class="bs-notice" role="status" aria-live="polite">{{ notice() }}</p>
        @if (plan(); as current) {
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title role="heading" aria-level="2">Preview</mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <bs-plan-panel
                [plan]="current"
                [items]="planItems.view()"
                [busy]="busy()"
                [problem]="planProblem()"
                [stale]="stale()"
                (apply)="apply(current)"
                (discard)="discard(current)"
                (loadMore)="planItems.loadMore()"
                (previewAgain)="previewAgain()"
              />
              @if (current.status !== 'open') {
                <button mat-stroked-button type="button" (click)="plan.set(null)">Edit more tracks</button>
              }
            </mat-card-content>
          </mat-card>
        } @else {
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title role="heading" aria-level="2">Tracks</mat-card-title>
            </mat-card-header>
            <mat-card-content class="bs-tracks-card">
              <bs-catalog-search-form
                class="bs-filter"
                label="Filter tracks"
                placeholder="Title, artist, ISRC…"
                submitLabel="Filter"
                icon="filter_list"
                [(text)]="filterText"
                (submitted)="filter()"
              />
              @if (tracks.error(); as error) {
                <bs-error-state [problem]="problemOf(error)" [retryable]="true" (retry)="tracks.reload()" />
              } @else if (page(); as shown) {
                @if (shown.items.length === 0) {
                  <bs-empty-state icon="queue_music" heading="No tracks" message="No track matches." />
                } @else {
                  <bs-track-selection-table
                    [tracks]="shown.items"
                    [selected]="selected()"
                    (changed)="select($event)"
                  />
                  <div class="bs-pager">
                    <button mat-button type="button" [disabled]="pageIndex() === 0" (click)="previousPage()">
                      Previous page
                    </button>
                    <span>Page {{ pageIndex() + 1 }}</span>
                    <button
                      mat-button
                      type="button"
                      [disabled]="shown.nextCursor === null"
                      (click)="nextPage(shown.nextCursor)"
                    >
                      Next page
                    </button>
                    @if (selected().size > 0) {
                      <button mat-button type="button" (click)="clearSelection()">Clear the selection</button>
                    }
                  </div>
                }
              } @else {
                <bs-loading-state [compact]="true" label="Loading tracks…" />
              }
            </mat-card-content>
          </mat-card>
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title role="heading" aria-level="2">Fields to change</mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <bs-batch-fields-form
                [selectedCount]="selected().size"
                [artists]="artistList()"
                [busy]="busy()"
                [problem]="previewProblem()"
                (preview)="preview($event)"
              />
            </mat-card-content>
          </mat-card>
        }
      </bs-catalog-org-scope>
    </div>
  `,
  styleUrl: '../../shared/ui/catalog-page.scss',
  styles: `
    .bs-tracks-card {
      display: grid;
      gap: 12px;
    }
    .bs-filter {
      max-width: 480px;
    }
    .bs-pager {
      display: flex;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class BatchEditPageComponent {
  private readonly client = inject(CatalogClient);
  protected readonly org = inject(ActiveOrganisation);

  protected readonly filterText = signal('');
  private readonly query = signal('');
  /** The cursors of the pages seen so far: the first page has none. */
  private readonly cursors = signal<readonly (string | undefined)[]>([undefined]);
  protected readonly pageIndex = computed(() => this.cursors().length - 1);

  protected readonly tracks = rxResource({
    params: () => {
      const orgId = this.org.orgId();
      return orgId === null ? undefined : { orgId, q: this.query(), cursor: this.cursors().at(-1) };
    },
    stream: ({ params }) =>
      this.client.tracks(params.orgId, {
        limit: PAGE_SIZE,
        ...(params.q === '' ? {} : { q: params.q }),
        ...(params.cursor === undefined ? {} : { cursor: params.cursor }),
      }),
  });
  protected readonly page = computed(() => (this.tracks.hasValue() ? this.tracks.value() : undefined));

  protected readonly artists = rxResource({
    params: () => this.org.orgId() ?? undefined,
    stream: ({ params: orgId }) => this.client.artists(orgId),
  });
  protected readonly artistList = computed(() => (this.artists.hasValue() ? this.artists.value() : []));

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  private readonly session = new PlanSession();
  protected readonly plan = this.session.plan;
  protected readonly planItems = this.session.items;
  private readonly lastRequest = signal<BatchEditRequest | null>(null);
  protected readonly busy = this.session.busy;
  protected readonly previewProblem = this.session.previewProblem;
  protected readonly planProblem = this.session.planProblem;
  protected readonly stale = this.session.stale;
  protected readonly notice = this.session.notice;

  protected problemOf(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected chooseOrg(orgId: string): void {
    this.org.choose(orgId);
    this.clearSelection();
    this.cursors.set([undefined]);
    this.plan.set(null);
  }

  protected filter(): void {
    this.query.set(this.filterText().trim());
    this.cursors.set([undefined]);
  }

  protected nextPage(cursor: string | null): void {
    if (cursor !== null) this.cursors.update((cursors) => [...cursors, cursor]);
  }

  protected previousPage(): void {
    this.cursors.update((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors));
  }

  protected select({ trackIds, selected }: SelectionChange): void {
    this.selected.update((current) => {
      const next = new Set(current);
      for (const trackId of trackIds) {
        if (selected) next.add(trackId);
        else next.delete(trackId);
      }
      return next;
    });
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  protected async preview(set: TrackBatchFields): Promise<void> {
    const request: BatchEditRequest = { target: 'tracks', ids: [...this.selected()], set };
    this.lastRequest.set(request);
    await this.sendPreview(request, this.previewProblem);
  }

  protected async previewAgain(): Promise<void> {
    const request = this.lastRequest();
    if (request !== null) await this.sendPreview(request, this.planProblem);
  }

  protected async apply(plan: ChangePlan): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId === null) return;
    await this.session.apply(orgId, plan, (applied) => {
      this.clearSelection();
      this.tracks.reload();
      return `Applied: ${applied.summary.tracksChanged} ${applied.summary.tracksChanged === 1 ? 'track' : 'tracks'} changed on ${applied.summary.updates} ${applied.summary.updates === 1 ? 'release' : 'releases'}.`;
    });
  }

  protected async discard(plan: ChangePlan): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId !== null) await this.session.discard(orgId, plan);
  }

  private async sendPreview(
    request: BatchEditRequest,
    problem: WritableSignal<ShownProblem | null>,
  ): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId === null) return;
    await this.session.preview(problem, () => firstValueFrom(this.client.previewBatch(orgId, request)));
  }
}
