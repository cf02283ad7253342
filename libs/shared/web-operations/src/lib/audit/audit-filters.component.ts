import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { AUDIT_FILTER_MAX_LENGTH, type AuditEventFilter, type FieldError } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  FieldErrorComponent,
  FormErrorsComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { localToIso } from './audit-format';

/** Whether the stream field names one stream or the start of many stream ids. */
export type StreamMatch = 'exact' | 'prefix';

const text = () =>
  new FormControl('', { nonNullable: true, validators: Validators.maxLength(AUDIT_FILTER_MAX_LENGTH) });

// The api names the stream filter by its mode; the form has one field for both.
const CONTROL_OF_FIELD: Readonly<Record<string, string>> = { streamId: 'stream', streamPrefix: 'stream' };

/**
 * The audit log's filters: a stream (exactly, or every stream starting with it), actor, tenant,
 * event type and a time range in the browser's time zone. Emits the filter to apply; the api's
 * field errors (the `problem` input) are shown on the fields they name.
 */
@Component({
  selector: 'bs-audit-filters',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatIcon,
    FieldErrorComponent,
    FormErrorsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="bs-audit-filters" [formGroup]="form" (ngSubmit)="submit()" aria-label="Filter the events">
      <div class="bs-audit-stream">
        <mat-button-toggle-group
          formControlName="streamMatch"
          aria-label="How the stream is matched"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="exact">Stream id</mat-button-toggle>
          <mat-button-toggle value="prefix">Starts with</mat-button-toggle>
        </mat-button-toggle-group>
        <mat-form-field class="bs-audit-stream-field">
          <mat-label>{{
            form.controls.streamMatch.value === 'exact' ? 'Stream id' : 'Stream id starts with'
          }}</mat-label>
          <input matInput formControlName="stream" name="stream" autocomplete="off" spellcheck="false" />
          <mat-hint>{{
            form.controls.streamMatch.value === 'exact' ? 'e.g. identity-user-7f3c…' : 'e.g. identity-org-'
          }}</mat-hint>
          <mat-error><bs-field-error [control]="form.controls.stream" label="Stream" /></mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>Actor</mat-label>
        <input matInput formControlName="actor" name="actor" autocomplete="off" spellcheck="false" />
        <mat-hint>e.g. user:7f3c or system</mat-hint>
        <mat-error><bs-field-error [control]="form.controls.actor" label="Actor" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Tenant</mat-label>
        <input matInput formControlName="tenantId" name="tenantId" autocomplete="off" spellcheck="false" />
        <mat-error><bs-field-error [control]="form.controls.tenantId" label="Tenant" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Event type</mat-label>
        <input matInput formControlName="type" name="type" autocomplete="off" spellcheck="false" />
        <mat-hint>e.g. StaffRoleGranted</mat-hint>
        <mat-error><bs-field-error [control]="form.controls.type" label="Event type" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Recorded from</mat-label>
        <input matInput type="datetime-local" step="1" formControlName="from" name="from" />
        <mat-hint>Your time zone, inclusive</mat-hint>
        <mat-error><bs-field-error [control]="form.controls.from" label="From" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Recorded before</mat-label>
        <input matInput type="datetime-local" step="1" formControlName="to" name="to" />
        <mat-hint>Your time zone, exclusive</mat-hint>
        <mat-error><bs-field-error [control]="form.controls.to" label="To" /></mat-error>
      </mat-form-field>
      <bs-form-errors class="bs-audit-form-errors" [errors]="unmatched()" />
      <div class="bs-audit-actions">
        <button mat-flat-button type="submit" class="bs-audit-apply" [disabled]="busy()">
          <mat-icon aria-hidden="true">filter_list</mat-icon>
          Apply filters
        </button>
        <button mat-button type="button" class="bs-audit-clear" [disabled]="busy()" (click)="clear()">
          Clear
        </button>
      </div>
    </form>
  `,
  styles: `
    .bs-audit-filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 16px;
      align-items: start;
    }
    .bs-audit-stream {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
    }
    .bs-audit-stream mat-button-toggle-group {
      margin-top: 4px;
    }
    .bs-audit-stream-field {
      flex: 1 1 280px;
    }
    .bs-audit-form-errors,
    .bs-audit-actions {
      grid-column: 1 / -1;
    }
    .bs-audit-actions {
      display: flex;
      gap: 8px;
    }
  `,
})
export class AuditFiltersComponent {
  /** A request is in flight: the buttons wait. */
  readonly busy = input(false);
  /** The api's answer to the last filter; its field errors are put on the fields. */
  readonly problem = input<ShownProblem | null>(null);

  /** The filter to apply, with only the fields that are set. */
  readonly applied = output<AuditEventFilter>();

  protected readonly form = new FormGroup({
    streamMatch: new FormControl<StreamMatch>('prefix', { nonNullable: true }),
    stream: text(),
    actor: text(),
    tenantId: text(),
    type: text(),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  /** Field errors of the api that no field here shows. */
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => {
      const problem = this.problem();
      const errors = (problem?.errors ?? []).map((error) => ({
        ...error,
        field: CONTROL_OF_FIELD[error.field] ?? error.field,
      }));
      this.unmatched.set(errors.length === 0 ? [] : applyProblemToForm(this.form, { errors }));
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.applied.emit(this.filter());
  }

  protected clear(): void {
    this.form.reset();
    this.unmatched.set([]);
    this.applied.emit({});
  }

  private filter(): AuditEventFilter {
    const value = this.form.getRawValue();
    const trimmed = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
    const stream = trimmed(value.stream);
    const entries: [keyof AuditEventFilter, string | undefined][] = [
      [value.streamMatch === 'exact' ? 'streamId' : 'streamPrefix', stream],
      ['actor', trimmed(value.actor)],
      ['tenantId', trimmed(value.tenantId)],
      ['type', trimmed(value.type)],
      ['from', localToIso(value.from)],
      ['to', localToIso(value.to)],
    ];
    return Object.fromEntries(entries.filter(([, set]) => set !== undefined));
  }
}
