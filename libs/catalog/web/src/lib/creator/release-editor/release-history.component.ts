import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  type ReleaseComparison,
  type ReleaseHistoryEntry,
  type ReleaseRef,
  type ReleaseVersionSummary,
} from '@bandstand/catalog/contracts';
import { LoadingStateComponent, ProblemAlertComponent, type ShownProblem } from '@bandstand/shared/web-ui';
import { describeActor } from '../../shared/format/catalog-display';
import { ChangesTableComponent } from '../../shared/ui/changes-table.component';

/** Two sides to compare. */
export interface CompareRequest {
  readonly from: ReleaseRef;
  readonly to: ReleaseRef;
}

const EVENT_LABELS: Readonly<Record<ReleaseHistoryEntry['type'], string>> = {
  created: 'Created',
  revised: 'Edited',
  published: 'Published',
  scheduled: 'Scheduled',
  unscheduled: 'Unscheduled',
  released: 'Released',
  'taken-down': 'Taken down',
  reinstated: 'Reinstated',
  deleted: 'Deleted',
};

const SOURCE_LABELS: Readonly<Record<NonNullable<ReleaseHistoryEntry['source']>, string>> = {
  editor: 'in the editor',
  batch: 'by a batch edit',
  csv: 'by a CSV import',
  ern: 'by an ERN import',
};

/**
 * A release's versions and history: every event (who, when, what changed), the published
 * versions, and a comparison of any two states (the draft, a version vN, a revision rN).
 */
@Component({
  selector: 'bs-release-history',
  imports: [
    DatePipe,
    MatButton,
    MatExpansionModule,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    LoadingStateComponent,
    ChangesTableComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="bs-compare" aria-label="Compare">
      <h3>Compare</h3>
      <div class="bs-row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>From</mat-label>
          <mat-select [value]="from()" (selectionChange)="from.set($event.value)">
            @for (ref of refs(); track ref.value) {
              <mat-option [value]="ref.value">{{ ref.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>To</mat-label>
          <mat-select [value]="to()" (selectionChange)="to.set($event.value)">
            @for (ref of refs(); track ref.value) {
              <mat-option [value]="ref.value">{{ ref.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          [disabled]="comparing() || from() === to()"
          (click)="compare.emit({ from: from(), to: to() })"
        >
          Compare
        </button>
      </div>
      <bs-problem-alert [problem]="compareProblem()" />
      @if (comparing()) {
        <bs-loading-state [compact]="true" label="Comparing…" />
      } @else if (comparison(); as shown) {
        <bs-changes-table
          class="bs-comparison"
          [changes]="shown.changes"
          [caption]="'Changes from ' + shown.from + ' to ' + shown.to"
          emptyMessage="Both are the same."
        />
      }
    </section>

    <section aria-label="Versions">
      <h3>Versions</h3>
      @if (versions().length === 0) {
        <p class="bs-muted">No version has been published yet.</p>
      } @else {
        <div class="bs-table-scroll">
          <table>
            <caption class="bs-visually-hidden">
              Published versions
            </caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">By</th>
                <th scope="col">From revision</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              @for (version of versions(); track version.version) {
                <tr [attr.data-version]="version.version">
                  <td>v{{ version.version }}</td>
                  <td>{{ version.publishedAt | date: 'medium' }}</td>
                  <td>{{ actor(version.publishedBy) }}</td>
                  <td>r{{ version.revision }}</td>
                  <td>{{ version.note ?? '' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section aria-label="History">
      <h3>History</h3>
      @if (historyProblem(); as problem) {
        <bs-problem-alert [problem]="problem" />
      } @else if (history(); as entries) {
        <mat-accordion multi>
          @for (entry of entries; track entry.sequence) {
            <mat-expansion-panel
              [disabled]="entry.changes.length === 0"
              [attr.data-sequence]="entry.sequence"
            >
              <mat-expansion-panel-header>
                <mat-panel-title>
                  {{ eventLabel(entry) }}
                  @if (entry.version !== null) {
                    v{{ entry.version }}
                  }
                </mat-panel-title>
                <mat-panel-description>
                  {{ entry.at | date: 'medium' }} · {{ actor(entry.actor) }}
                  @if (entry.source && entry.source !== 'editor') {
                    · {{ sourceLabel(entry) }}
                  }
                  @if (entry.changes.length > 0) {
                    · {{ entry.changes.length }} {{ entry.changes.length === 1 ? 'change' : 'changes' }}
                  }
                  @if (entry.note) {
                    · “{{ entry.note }}”
                  }
                </mat-panel-description>
              </mat-expansion-panel-header>
              <bs-changes-table
                [changes]="entry.changes"
                [caption]="'Changes in revision ' + entry.revision"
              />
            </mat-expansion-panel>
          }
        </mat-accordion>
      } @else {
        <bs-loading-state [compact]="true" label="Loading the history…" />
      }
    </section>
  `,
  styleUrl: '../../shared/ui/catalog-tables.scss',
  styles: `
    :host {
      display: grid;
      gap: 24px;
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .bs-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class ReleaseHistoryComponent {
  /** Newest first; null while loading. */
  readonly history = input<readonly ReleaseHistoryEntry[] | null>(null);
  /** Why the history could not be loaded. */
  readonly historyProblem = input<ShownProblem | null>(null);
  readonly versions = input<readonly ReleaseVersionSummary[]>([]);
  /** The draft's current revision: revisions 1…revision can be compared. */
  readonly revision = input(1);
  readonly comparison = input<ReleaseComparison | null>(null);
  readonly comparing = input(false);
  readonly compareProblem = input<ShownProblem | null>(null);
  /** Display names by user id, for the actors. */
  readonly names = input<Readonly<Record<string, string>>>({});
  readonly compare = output<CompareRequest>();

  /** The sides on offer: the draft, each version (newest first), then each revision. */
  protected readonly refs = computed((): { value: ReleaseRef; label: string }[] => [
    { value: 'draft', label: 'Draft (now)' },
    ...[...this.versions()]
      .sort((a, b) => b.version - a.version)
      .map((version) => ({
        value: `v${version.version}` as const,
        label: `Version ${version.version}`,
      })),
    ...Array.from({ length: this.revision() }, (_, index) => this.revision() - index).map((revision) => ({
      value: `r${revision}` as const,
      label: `Revision ${revision}`,
    })),
  ]);

  /** By default the newest version against the draft (the draft against itself before any version). */
  protected readonly from = linkedSignal<ReleaseRef>(() => {
    const newest = Math.max(0, ...this.versions().map((version) => version.version));
    return newest > 0 ? `v${newest}` : 'draft';
  });
  protected readonly to = signal<ReleaseRef>('draft');

  protected actor(actor: string): string {
    return describeActor(actor, this.names());
  }

  protected eventLabel(entry: ReleaseHistoryEntry): string {
    return EVENT_LABELS[entry.type];
  }

  protected sourceLabel(entry: ReleaseHistoryEntry): string {
    return entry.source === null ? '' : SOURCE_LABELS[entry.source];
  }
}
