import { DatePipe, DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  InjectionToken,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MatCard,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import {
  horizonStalled,
  type KernelOperationsOverview,
  type ParkedEventView,
  type SubscriptionOperationsView,
} from '@bandstand/shared/contracts';
import {
  ConfirmDialogComponent,
  type ConfirmDialogData,
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import {
  catchError,
  filter,
  interval,
  map,
  merge,
  type Observable,
  of,
  startWith,
  Subject,
  type Subscription,
  switchMap,
  tap,
} from 'rxjs';

import { KernelOperationsClient } from './data/kernel-operations.client';
import { formatCount } from './format/operations-format';
import { HorizonWarningComponent } from './horizon/horizon-warning.component';
import { ParkedEventsComponent } from './parked/parked-events.component';
import { QueueDepthsComponent } from './queues/queue-depths.component';
import { SubscriptionsTableComponent } from './subscriptions/subscriptions-table.component';

/** How often the operational view reads the api again while it is shown (milliseconds). */
export const OPERATIONS_REFRESH_MS = new InjectionToken<number>('OPERATIONS_REFRESH_MS', {
  providedIn: 'root',
  factory: () => 5_000,
});

type Loaded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ShownProblem };

/** An operator request that failed, with what it was. */
interface FailedAction {
  readonly action: string;
  readonly problem: ShownProblem;
}

function withAdded<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  return new Set([...set, value]);
}

function withRemoved<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  next.delete(value);
  return next;
}

/**
 * The kernel's operational view for platform staff: every projection and processor with its lag,
 * checkpoint, lease and rebuild progress, what holds the read horizon back, parked events with a
 * retry, and the depth of each job queue; read again every few seconds while the page is visible.
 * Rebuild and resume are confirmed first; the runners honour them within seconds.
 */
@Component({
  selector: 'bs-kernel-operations',
  imports: [
    DatePipe,
    MatButton,
    MatIconButton,
    MatIcon,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardSubtitle,
    MatCardContent,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    HorizonWarningComponent,
    SubscriptionsTableComponent,
    ParkedEventsComponent,
    QueueDepthsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="bs-ops" aria-labelledby="bs-ops-title">
      <header class="bs-ops-head">
        <div>
          <h2 id="bs-ops-title" class="bs-ops-title">Projections, processors and queues</h2>
          <p class="bs-ops-read">
            @if (overview(); as current) {
              Read at {{ current.generatedAt | date: 'mediumTime' }} ·
            }
            refreshed every {{ refreshSeconds }} s
          </p>
        </div>
        <button mat-button type="button" class="bs-ops-refresh" [disabled]="loading()" (click)="refresh()">
          <mat-icon aria-hidden="true">refresh</mat-icon>
          Refresh
        </button>
      </header>
      <p class="bs-ops-notice" role="status" aria-live="polite">{{ notice() }}</p>
      @if (failedAction(); as failed) {
        <div class="bs-ops-action-problem" role="alert">
          <mat-icon aria-hidden="true">error</mat-icon>
          <p>
            <strong>{{ failed.action }} failed: {{ failed.problem.title }}.</strong>
            {{ failed.problem.detail }}
            <code class="bs-ops-action-code">{{ failed.problem.code }}</code>
          </p>
          <button
            mat-icon-button
            type="button"
            aria-label="Dismiss the error"
            (click)="failedAction.set(null)"
          >
            <mat-icon aria-hidden="true">close</mat-icon>
          </button>
        </div>
      }
      @if (overview(); as current) {
        @if (loadProblem(); as problem) {
          <p class="bs-ops-stale" role="alert">
            The view could not be read again ({{ problem.title }}, {{ problem.code }}): these figures are from
            {{ current.generatedAt | date: 'mediumTime' }}.
          </p>
        }
        @if (stalled(current)) {
          <bs-horizon-warning [horizon]="current.horizon" />
        }
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title role="heading" aria-level="3">Subscriptions</mat-card-title>
            <mat-card-subtitle class="bs-ops-log">
              @if (current.head; as head) {
                Log head at position {{ head.globalPosition }}
              } @else {
                The log is empty
              }
              · read horizon at transaction {{ current.horizon.transactionId }}
            </mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            @if (current.subscriptions.length === 0) {
              <bs-empty-state
                icon="conversion_path"
                heading="No subscriptions yet"
                message="Asynchronous projections and processors appear here once the worker has started them."
              />
            } @else {
              <bs-subscriptions-table
                [subscriptions]="current.subscriptions"
                [generatedAt]="current.generatedAt"
                [busy]="busy()"
                [selected]="selected()"
                (rebuildRequest)="confirmRebuild($event)"
                (resumeRequest)="confirmResume($event)"
                (showParked)="toggleParked($event)"
              />
            }
          </mat-card-content>
        </mat-card>
        @if (selected(); as name) {
          <mat-card appearance="outlined" class="bs-ops-parked">
            <mat-card-content>
              <bs-parked-events
                [subscription]="name"
                [items]="parkedItems()"
                [hasMore]="parkedCursor() !== null"
                [loading]="parkedLoading()"
                [problem]="parkedProblem()"
                [busy]="retrying()"
                (retry)="retry(name, $event)"
                (more)="loadParked(false)"
                (reload)="loadParked(true)"
                (closed)="selected.set(null)"
              />
            </mat-card-content>
          </mat-card>
        }
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title role="heading" aria-level="3">Queues</mat-card-title>
            <mat-card-subtitle>Jobs by queue and state</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <bs-queue-depths [depths]="current.queues" />
          </mat-card-content>
        </mat-card>
      } @else if (loadProblem(); as problem) {
        <bs-error-state [problem]="problem" [retryable]="true" (retry)="refresh()" />
      } @else {
        <bs-loading-state label="Reading the operational view…" />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .bs-ops {
      display: grid;
      gap: var(--bs-gap, 16px);
      min-width: 0;
    }
    .bs-ops > * {
      min-width: 0;
    }
    .bs-ops-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .bs-ops-title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .bs-ops-read,
    .bs-ops-notice {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-ops-notice:empty {
      display: none;
    }
    .bs-ops-action-problem {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .bs-ops-action-problem p {
      flex: 1;
      margin: 0;
    }
    .bs-ops-stale {
      margin: 0;
      color: var(--mat-sys-error);
    }
    mat-card-content {
      min-width: 0;
    }
  `,
})
export class KernelOperationsComponent {
  private readonly client = inject(KernelOperationsClient);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly refreshMs = inject(OPERATIONS_REFRESH_MS);
  private readonly refreshes = new Subject<void>();

  protected readonly refreshSeconds = Math.round(this.refreshMs / 100) / 10;
  protected readonly overview = signal<KernelOperationsOverview | null>(null);
  protected readonly loadProblem = signal<ShownProblem | null>(null);
  protected readonly loading = signal(true);
  /** Subscriptions with a rebuild or resume in flight. */
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly notice = signal('');
  protected readonly failedAction = signal<FailedAction | null>(null);

  protected readonly selected = signal<string | null>(null);
  protected readonly parkedItems = signal<readonly ParkedEventView[]>([]);
  protected readonly parkedCursor = signal<string | null>(null);
  protected readonly parkedLoading = signal(false);
  protected readonly parkedProblem = signal<ShownProblem | null>(null);
  /** Parked positions with a retry in flight. */
  protected readonly retrying = signal<ReadonlySet<string>>(new Set());
  private parkedPages = 0;
  private parkedRequest: Subscription | undefined;

  constructor() {
    // A tick is skipped while a read is in flight or the page is hidden; a manual refresh replaces
    // a read in flight, so that what follows an action is never older than the action.
    const ticks = interval(this.refreshMs).pipe(
      filter(() => !this.loading() && this.document.visibilityState !== 'hidden'),
    );
    merge(this.refreshes.pipe(startWith(undefined)), ticks)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(() =>
          this.client.overview().pipe(
            map((value): Loaded<KernelOperationsOverview> => ({ ok: true, value })),
            catchError((error: unknown) =>
              of<Loaded<KernelOperationsOverview>>({ ok: false, problem: problemFromError(error) }),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (!result.ok) {
          this.loadProblem.set(result.problem);
          return;
        }
        this.overview.set(result.value);
        this.loadProblem.set(null);
        // The first page of parked events follows the view; further pages stay as loaded.
        if (this.selected() !== null && this.parkedPages <= 1) this.loadParked(true);
      });
  }

  protected stalled(overview: KernelOperationsOverview): boolean {
    return horizonStalled(overview.horizon);
  }

  /** Reads the view again now. */
  refresh(): void {
    this.refreshes.next();
  }

  protected confirmRebuild(view: SubscriptionOperationsView): void {
    const head = this.overview()?.head?.globalPosition;
    const restart = view.status === 'rebuilding' ? ' The rebuild in progress starts over.' : '';
    this.confirm({
      title: `Rebuild ${view.name}?`,
      message:
        `Its read models are emptied and rebuilt from the first event of the log` +
        `${head === undefined ? '' : ` (${formatCount(Number(head))} events)`}; until it catches up, ` +
        `pages built on it show partial data.${restart}`,
      confirmLabel: 'Rebuild',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.perform(
        view.name,
        `Rebuilding ${view.name}`,
        this.client.requestRebuild(view.name),
        `Rebuild of ${view.name} requested: its runner starts it within seconds.`,
      );
    });
  }

  protected confirmResume(view: SubscriptionOperationsView): void {
    const error = view.lastError === null ? '' : ` It stopped on: ${view.lastError.message}`;
    this.confirm({
      title: `Resume ${view.name}?`,
      message:
        `Its runner carries on from position ${view.checkpoint.globalPosition} and retries the event it stopped at;` +
        ` if the cause is not fixed, it stops again.${error}`,
      confirmLabel: 'Resume',
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.perform(
        view.name,
        `Resuming ${view.name}`,
        this.client.resume(view.name),
        `${view.name} resumed: its runner picks it up within seconds.`,
      );
    });
  }

  protected toggleParked(name: string): void {
    if (this.selected() === name) {
      this.selected.set(null);
      return;
    }
    this.selected.set(name);
    this.parkedItems.set([]);
    this.parkedCursor.set(null);
    this.loadParked(true);
  }

  /** Loads the first page of the selected subscription's parked events, or (`reset` false) the next one. */
  protected loadParked(reset: boolean): void {
    const name = this.selected();
    if (name === null) return;
    const cursor = reset ? undefined : (this.parkedCursor() ?? undefined);
    this.parkedRequest?.unsubscribe();
    this.parkedLoading.set(true);
    this.parkedRequest = this.client
      .parked(name, cursor)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          if (this.selected() !== name) return;
          this.parkedItems.set(reset ? page.items : [...this.parkedItems(), ...page.items]);
          this.parkedCursor.set(page.nextCursor);
          this.parkedPages = reset ? 1 : this.parkedPages + 1;
          this.parkedProblem.set(null);
          this.parkedLoading.set(false);
        },
        error: (error: unknown) => {
          this.parkedProblem.set(problemFromError(error));
          this.parkedLoading.set(false);
        },
      });
  }

  protected retry(name: string, event: ParkedEventView): void {
    const position = event.globalPosition;
    this.retrying.update((set) => withAdded(set, position));
    this.client
      .retryParked(name, position)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (requested) => {
          this.parkedItems.update((items) =>
            items.map((item) => (item.globalPosition === position ? requested : item)),
          );
          this.notice.set(`Retry of event ${position} requested: ${name} handles it again within seconds.`);
          this.failedAction.set(null);
          this.retrying.update((set) => withRemoved(set, position));
        },
        error: (error: unknown) => {
          this.failedAction.set({ action: `Retrying event ${position}`, problem: problemFromError(error) });
          this.retrying.update((set) => withRemoved(set, position));
        },
      });
  }

  private confirm(data: ConfirmDialogData): Observable<boolean> {
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data,
        width: '480px',
      })
      .afterClosed()
      .pipe(map((result) => result === true));
  }

  private perform(name: string, action: string, request: Observable<unknown>, success: string): void {
    this.busy.update((set) => withAdded(set, name));
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.notice.set(success);
        this.failedAction.set(null);
        this.busy.update((set) => withRemoved(set, name));
        this.refresh();
      },
      error: (error: unknown) => {
        this.failedAction.set({ action, problem: problemFromError(error) });
        this.busy.update((set) => withRemoved(set, name));
      },
    });
  }
}
