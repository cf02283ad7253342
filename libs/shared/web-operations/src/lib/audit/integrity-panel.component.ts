import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type IntegrityReport } from '@bandstand/shared/contracts';
import { type ShownProblem } from '@bandstand/shared/web-ui';
import { formatCount } from '../format/operations-format';
import { INTEGRITY_PROBLEM_LABELS, problemSubject } from './audit-format';

/**
 * Tamper evidence: runs a verification of the event store on request (the page performs it) and
 * shows the report — how much was verified and the last seal, or the first finding named by its
 * event when something was changed, reordered or removed.
 */
@Component({
  selector: 'bs-integrity-panel',
  imports: [DatePipe, MatButton, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bs-integrity-head">
      <p class="bs-integrity-intro">
        Checks every stored event against its HMAC, the seals that chain them, and each stream's versions.
      </p>
      <button
        mat-flat-button
        type="button"
        class="bs-integrity-verify"
        [disabled]="running()"
        (click)="verify.emit()"
      >
        <mat-icon aria-hidden="true">verified_user</mat-icon>
        Verify integrity
      </button>
    </header>
    @if (running()) {
      <mat-progress-bar mode="indeterminate" aria-label="Verifying the event store" />
    }
    <div class="bs-integrity-result">
      @if (problem(); as problem) {
        <div class="bs-integrity-outcome bs-integrity-outcome--failed" role="alert">
          <mat-icon aria-hidden="true">error</mat-icon>
          <p>
            <strong>The verification could not run: {{ problem.title }}.</strong>
            {{ problem.detail }}
            <code class="bs-integrity-code">{{ problem.code }}</code>
          </p>
        </div>
      } @else if (report(); as report) {
        @if (report.firstProblem; as first) {
          <div class="bs-integrity-outcome bs-integrity-outcome--tampered" role="alert">
            <mat-icon aria-hidden="true">gpp_bad</mat-icon>
            <div>
              <p class="bs-integrity-verdict">
                <strong>Tampering found:</strong>
                {{ report.problemCount === 1 ? '1 problem' : count(report.problemCount) + ' problems' }} in
                {{ count(report.checkedEvents) }} events.
              </p>
              <p class="bs-integrity-first">
                First:
                <span class="bs-integrity-kind" [attr.data-kind]="first.kind">{{ label(first.kind) }}</span>
                — <span class="bs-integrity-subject">{{ subject(first) }}</span>
              </p>
              <p class="bs-integrity-detail">{{ first.detail }}</p>
              @if (first.eventId) {
                <p class="bs-integrity-event-id">
                  Event id <code>{{ first.eventId }}</code>
                </p>
              }
            </div>
          </div>
        } @else {
          <div class="bs-integrity-outcome bs-integrity-outcome--intact" role="status">
            <mat-icon aria-hidden="true">verified</mat-icon>
            <p class="bs-integrity-verdict">
              <strong>Verified:</strong> no event was changed, reordered or removed.
            </p>
          </div>
        }
        <dl class="bs-integrity-facts">
          <dt>Verified</dt>
          <dd class="bs-integrity-checked">
            {{ count(report.checkedEvents) }} events in {{ count(report.checkedStreams) }} streams,
            {{ count(report.seals) }} seals
          </dd>
          <dt>Last seal</dt>
          <dd class="bs-integrity-seal">
            @if (report.latestSeal; as seal) {
              #{{ seal.sealNumber }} up to position {{ seal.lastGlobalPosition }}, sealed
              <time [attr.datetime]="seal.sealedAt">{{ seal.sealedAt | date: 'medium' }}</time>
              <br />
              <span class="bs-integrity-chain"
                >chain <code>{{ seal.chain }}</code></span
              >
            } @else {
              None yet: the worker seals the log about once a second.
            }
          </dd>
          @if (report.unsealedEvents > 0) {
            <dt>Not sealed yet</dt>
            <dd class="bs-integrity-unsealed">
              {{ count(report.unsealedEvents) }} newest events: removing them would not show until they are
              sealed.
            </dd>
          }
          <dt>Checked</dt>
          <dd>
            <time [attr.datetime]="report.finishedAt">{{ report.finishedAt | date: 'medium' }}</time>
          </dd>
        </dl>
        @if (!report.complete) {
          <p class="bs-integrity-incomplete">
            Stopped at the event limit: only the first {{ count(report.checkedEvents) }} events were checked.
            Run <code>npm run kernel:verify</code> for the whole log.
          </p>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
      min-width: 0;
    }
    .bs-integrity-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .bs-integrity-intro {
      margin: 0;
      max-width: 70ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-integrity-result {
      display: grid;
      gap: 12px;
    }
    .bs-integrity-result:empty {
      display: none;
    }
    .bs-integrity-outcome {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      padding: 12px 16px;
      border-radius: 8px;
    }
    .bs-integrity-outcome p {
      margin: 0;
    }
    .bs-integrity-outcome > div {
      display: grid;
      gap: 4px;
      min-width: 0;
    }
    .bs-integrity-outcome--intact {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .bs-integrity-outcome--tampered,
    .bs-integrity-outcome--failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .bs-integrity-kind {
      font-weight: 600;
    }
    .bs-integrity-subject,
    .bs-integrity-chain code,
    .bs-integrity-event-id code {
      font-family: monospace;
      word-break: break-all;
    }
    .bs-integrity-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    .bs-integrity-facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-integrity-facts dd {
      margin: 0;
      min-width: 0;
    }
    .bs-integrity-incomplete {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class IntegrityPanelComponent {
  /** The last verification's report. */
  readonly report = input<IntegrityReport | null>(null);
  /** A verification is running. */
  readonly running = input(false);
  /** Why the last verification could not run. */
  readonly problem = input<ShownProblem | null>(null);

  readonly verify = output();

  protected readonly count = (value: number): string => formatCount(value);
  protected readonly label = (kind: keyof typeof INTEGRITY_PROBLEM_LABELS): string =>
    INTEGRITY_PROBLEM_LABELS[kind];
  protected readonly subject = problemSubject;
}
