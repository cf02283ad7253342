import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  MatCard,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { type AuditEvent, type AuditEventFilter, type IntegrityReport } from '@bandstand/shared/contracts';
import { problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { type Subscription } from 'rxjs';
import { AuditEventsComponent } from './audit-events.component';
import { AuditFiltersComponent } from './audit-filters.component';
import { IntegrityPanelComponent } from './integrity-panel.component';
import { KernelAuditClient } from './kernel-audit.client';

/**
 * The staff console's Audit page: the stored events, newest first, filtered by stream, actor,
 * tenant, type and time, each opening to its data and metadata; and the tamper-evidence check of
 * the whole event store.
 */
@Component({
  selector: 'bs-kernel-audit',
  imports: [
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardSubtitle,
    MatCardContent,
    AuditFiltersComponent,
    AuditEventsComponent,
    IntegrityPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="bs-audit" aria-labelledby="bs-audit-title">
      <h2 id="bs-audit-title" class="bs-audit-title">Event log</h2>
      <mat-card appearance="outlined" class="bs-audit-integrity">
        <mat-card-header>
          <mat-card-title role="heading" aria-level="3">Tamper evidence</mat-card-title>
        </mat-card-header>
        <mat-card-content>
          <bs-integrity-panel
            [report]="report()"
            [running]="verifying()"
            [problem]="verifyProblem()"
            (verify)="verify()"
          />
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title role="heading" aria-level="3">Events</mat-card-title>
          <mat-card-subtitle>Newest first, exactly as stored</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content class="bs-audit-events">
          <bs-audit-filters [busy]="loading()" [problem]="fieldProblem()" (applied)="apply($event)" />
          <bs-audit-events
            [items]="events()"
            [hasMore]="cursor() !== null"
            [loading]="loading()"
            [problem]="listProblem()"
            (more)="loadMore()"
            (reload)="reload()"
          />
        </mat-card-content>
      </mat-card>
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .bs-audit {
      display: grid;
      gap: var(--bs-gap, 16px);
      min-width: 0;
    }
    .bs-audit > * {
      min-width: 0;
    }
    .bs-audit-title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .bs-audit-events {
      display: grid;
      gap: 16px;
      min-width: 0;
    }
  `,
})
export class KernelAuditComponent {
  private readonly client = inject(KernelAuditClient);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly filter = signal<AuditEventFilter>({});
  protected readonly events = signal<readonly AuditEvent[]>([]);
  protected readonly cursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  private readonly problem = signal<ShownProblem | null>(null);

  /** A problem naming fields belongs on the filters; any other on the list. */
  protected readonly fieldProblem = computed(() => {
    const problem = this.problem();
    return problem !== null && (problem.errors?.length ?? 0) > 0 ? problem : null;
  });
  protected readonly listProblem = computed(() => (this.fieldProblem() === null ? this.problem() : null));

  protected readonly report = signal<IntegrityReport | null>(null);
  protected readonly verifying = signal(false);
  protected readonly verifyProblem = signal<ShownProblem | null>(null);

  private request: Subscription | undefined;

  constructor() {
    this.read({}, undefined);
  }

  /** Shows the newest events matching `filter`. */
  apply(filter: AuditEventFilter): void {
    this.read(filter, undefined);
  }

  /** Reads the first page of the filter shown again. */
  protected reload(): void {
    this.read(this.filter(), undefined);
  }

  /** Reads the page after the last one shown. */
  protected loadMore(): void {
    const cursor = this.cursor();
    if (cursor !== null) this.read(this.filter(), cursor);
  }

  /**
   * Reads a page: the first of `filter` (which then becomes the filter shown, replacing the list),
   * or the one at `cursor` (appended). A newer read replaces one in flight, so that a page never
   * lands under other filters; a refused filter leaves the list as it was.
   */
  private read(filter: AuditEventFilter, cursor: string | undefined): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.request = this.client
      .events({ ...filter, ...(cursor === undefined ? {} : { cursor }) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.filter.set(filter);
          this.events.set(cursor === undefined ? page.items : [...this.events(), ...page.items]);
          this.cursor.set(page.nextCursor);
          this.problem.set(null);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(problemFromError(error));
          this.loading.set(false);
        },
      });
  }

  /** Runs a verification of the whole event store and shows its report. */
  verify(): void {
    if (this.verifying()) return;
    this.verifying.set(true);
    this.verifyProblem.set(null);
    this.client
      .verify()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => {
          this.report.set(report);
          this.verifying.set(false);
        },
        error: (error: unknown) => {
          this.verifyProblem.set(problemFromError(error));
          this.verifying.set(false);
        },
      });
  }
}
