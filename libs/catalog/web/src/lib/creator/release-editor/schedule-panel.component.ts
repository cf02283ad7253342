import { ChangeDetectionStrategy, Component, effect, input, output, signal, untracked } from '@angular/core';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  type Embargo,
  type ReleaseSchedule,
  type ScheduleReleaseRequest,
  type TerritoryRelease,
  WORLDWIDE,
} from '@bandstand/catalog/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  FieldErrorComponent,
  ProblemAlertComponent,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { fromLocalInput, parseCodes, toLocalInput } from '../../shared/format/catalog-display';
import { revalidate } from '../../shared/ui/revalidate';

type TerritoryReleaseForm = FormGroup<{ territory: FormControl<string>; releaseAt: FormControl<string> }>;
type EmbargoForm = FormGroup<{
  territory: FormControl<string>;
  from: FormControl<string>;
  until: FormControl<string>;
  reason: FormControl<string>;
}>;

/** A `datetime-local` field holds a date and time. */
function localMoment(control: AbstractControl<string>): ValidationErrors | null {
  return control.value === '' || fromLocalInput(control.value) !== null ? null : { moment: true };
}

function territoryReleaseForm(value?: TerritoryRelease): TerritoryReleaseForm {
  return new FormGroup({
    territory: new FormControl(value?.territory ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    releaseAt: new FormControl(value === undefined ? '' : toLocalInput(value.releaseAt), {
      nonNullable: true,
      validators: [Validators.required, localMoment],
    }),
  });
}

function embargoForm(value?: Embargo): EmbargoForm {
  return new FormGroup({
    territory: new FormControl(value?.territory ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    from: new FormControl(value === undefined ? '' : toLocalInput(value.from), {
      nonNullable: true,
      validators: [Validators.required, localMoment],
    }),
    until: new FormControl(value === undefined ? '' : toLocalInput(value.until), {
      nonNullable: true,
      validators: [Validators.required, localMoment],
    }),
    reason: new FormControl(value?.reason ?? '', { nonNullable: true }),
  });
}

function scheduleForm(schedule: ReleaseSchedule | null) {
  const worldwide = schedule === null || schedule.territories.includes(WORLDWIDE);
  return new FormGroup({
    releaseAt: new FormControl(schedule === null ? '' : toLocalInput(schedule.releaseAt), {
      nonNullable: true,
      validators: [Validators.required, localMoment],
    }),
    scope: new FormControl<'worldwide' | 'list'>(worldwide ? 'worldwide' : 'list', { nonNullable: true }),
    territories: new FormControl(worldwide ? '' : (schedule?.territories ?? []).join(', '), {
      nonNullable: true,
    }),
    excludedTerritories: new FormControl((schedule?.excludedTerritories ?? []).join(', '), {
      nonNullable: true,
    }),
    territoryReleases: new FormArray(
      (schedule?.territoryReleases ?? []).map((entry) => territoryReleaseForm(entry)),
    ),
    embargoes: new FormArray((schedule?.embargoes ?? []).map((entry) => embargoForm(entry))),
  });
}

/** The browser's time zone, named as the user knows it. */
function zoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * When and where a release goes out: the release moment (in the browser's time zone, sent with
 * its offset), worldwide or a list of territories, exclusions, territories' own release moments
 * and embargo windows. The api's errors show on the field and row they name
 * (`territoryReleases.1.releaseAt`, `embargoes.0.until`).
 */
@Component({
  selector: 'bs-schedule-panel',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    MatIconButton,
    MatIcon,
    FieldErrorComponent,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="bs-schedule" [formGroup]="form()" (ngSubmit)="submit()" novalidate aria-label="Schedule">
      <p class="bs-muted">Times are in your time zone ({{ zone }}).</p>
      <mat-form-field>
        <mat-label>Release date and time</mat-label>
        <input matInput type="datetime-local" step="1" formControlName="releaseAt" required />
        <mat-error>
          <bs-field-error [control]="form().controls.releaseAt" label="Release date" [messages]="messages" />
        </mat-error>
      </mat-form-field>

      <mat-radio-group formControlName="scope" aria-label="Territories">
        <mat-radio-button value="worldwide">Worldwide</mat-radio-button>
        <mat-radio-button value="list">Only these territories</mat-radio-button>
      </mat-radio-group>
      @if (form().controls.scope.value === 'list') {
        <mat-form-field>
          <mat-label>Territories</mat-label>
          <input matInput formControlName="territories" placeholder="DE, AT, CH" />
          <mat-hint>ISO 3166 country codes, separated by commas</mat-hint>
          <mat-error
            ><bs-field-error [control]="form().controls.territories" label="Territories"
          /></mat-error>
        </mat-form-field>
      } @else {
        <mat-form-field>
          <mat-label>Excluded territories</mat-label>
          <input matInput formControlName="excludedTerritories" placeholder="none" />
          <mat-hint>Where the release must not appear at all</mat-hint>
          <mat-error>
            <bs-field-error [control]="form().controls.excludedTerritories" label="Excluded territories" />
          </mat-error>
        </mat-form-field>
      }

      <fieldset formArrayName="territoryReleases">
        <legend>Territories' own release moments</legend>
        @for (row of form().controls.territoryReleases.controls; track $index; let i = $index) {
          <div class="bs-row" [formGroupName]="i" [attr.data-territory-release]="i">
            <mat-form-field class="bs-territory">
              <mat-label>Moment {{ i + 1 }} territory</mat-label>
              <input matInput formControlName="territory" />
              <mat-error><bs-field-error [control]="row.controls.territory" label="Territory" /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Moment {{ i + 1 }} release date and time</mat-label>
              <input matInput type="datetime-local" step="1" formControlName="releaseAt" />
              <mat-error>
                <bs-field-error
                  [control]="row.controls.releaseAt"
                  label="Release date"
                  [messages]="messages"
                />
              </mat-error>
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Remove moment ' + (i + 1)"
              (click)="form().controls.territoryReleases.removeAt(i)"
            >
              <mat-icon aria-hidden="true">close</mat-icon>
            </button>
          </div>
        }
        <button
          mat-button
          type="button"
          (click)="form().controls.territoryReleases.push(newTerritoryRelease())"
        >
          <mat-icon aria-hidden="true">add</mat-icon>
          Add a territory's release moment
        </button>
      </fieldset>

      <fieldset formArrayName="embargoes">
        <legend>Embargoes</legend>
        @for (row of form().controls.embargoes.controls; track $index; let i = $index) {
          <div class="bs-row" [formGroupName]="i" [attr.data-embargo]="i">
            <mat-form-field class="bs-territory">
              <mat-label>Embargo {{ i + 1 }} territory</mat-label>
              <input matInput formControlName="territory" placeholder="WW for everywhere" />
              <mat-error><bs-field-error [control]="row.controls.territory" label="Territory" /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Embargo {{ i + 1 }} from</mat-label>
              <input matInput type="datetime-local" step="1" formControlName="from" />
              <mat-error>
                <bs-field-error [control]="row.controls.from" label="From" [messages]="messages" />
              </mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Embargo {{ i + 1 }} until</mat-label>
              <input matInput type="datetime-local" step="1" formControlName="until" />
              <mat-error>
                <bs-field-error [control]="row.controls.until" label="Until" [messages]="messages" />
              </mat-error>
            </mat-form-field>
            <mat-form-field class="bs-reason">
              <mat-label>Embargo {{ i + 1 }} reason</mat-label>
              <input matInput formControlName="reason" />
              <mat-error><bs-field-error [control]="row.controls.reason" label="Reason" /></mat-error>
            </mat-form-field>
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'Remove embargo ' + (i + 1)"
              (click)="form().controls.embargoes.removeAt(i)"
            >
              <mat-icon aria-hidden="true">close</mat-icon>
            </button>
          </div>
        }
        <button mat-button type="button" (click)="form().controls.embargoes.push(newEmbargo())">
          <mat-icon aria-hidden="true">add</mat-icon>
          Add an embargo
        </button>
      </fieldset>

      <bs-problem-alert [problem]="problem()" [fieldErrors]="unmatched()" />
      @if (canPublish()) {
        <div class="bs-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">Schedule release</button>
        </div>
      }
    </form>
  `,
  styles: `
    .bs-schedule {
      display: grid;
      gap: 8px;
      max-width: 960px;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .bs-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .bs-territory {
      flex: 0 1 140px;
    }
    .bs-reason {
      flex: 1 1 200px;
    }
    mat-radio-group {
      display: flex;
      gap: 16px;
    }
    .bs-muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SchedulePanelComponent {
  /** The release's current schedule, which the form starts from; null when unscheduled. */
  readonly schedule = input<ReleaseSchedule | null>(null);
  readonly canPublish = input(false);
  readonly busy = input(false);
  readonly problem = input<ShownProblem | null>(null);
  readonly submitted = output<ScheduleReleaseRequest>();

  protected readonly zone = zoneName();
  protected readonly messages = { moment: () => 'Enter a date and a time.' };
  protected readonly form = signal(scheduleForm(null));
  protected readonly unmatched = signal<readonly FieldError[]>([]);

  constructor() {
    effect(() => {
      this.form.set(scheduleForm(this.schedule()));
    });
    effect(() => {
      const problem = this.problem();
      const form = untracked(this.form);
      this.unmatched.set(problem === null ? [] : applyProblemToForm(form, problem));
    });
  }

  protected newTerritoryRelease(): TerritoryReleaseForm {
    return territoryReleaseForm();
  }

  protected newEmbargo(): EmbargoForm {
    return embargoForm();
  }

  protected submit(): void {
    const form = this.form();
    revalidate(form);
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const value = form.getRawValue();
    const moment = (text: string) => fromLocalInput(text) ?? text;
    const worldwide = value.scope === 'worldwide';
    this.submitted.emit({
      releaseAt: moment(value.releaseAt),
      territories: worldwide ? [WORLDWIDE] : parseCodes(value.territories),
      excludedTerritories: worldwide ? parseCodes(value.excludedTerritories) : [],
      territoryReleases: value.territoryReleases.map((entry) => ({
        territory: entry.territory.trim().toUpperCase(),
        releaseAt: moment(entry.releaseAt),
      })),
      embargoes: value.embargoes.map((entry) => ({
        territory: entry.territory.trim().toUpperCase(),
        from: moment(entry.from),
        until: moment(entry.until),
        reason: entry.reason.trim() === '' ? null : entry.reason.trim(),
      })),
    });
  }
}
