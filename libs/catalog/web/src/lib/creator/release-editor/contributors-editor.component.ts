import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormArray, ReactiveFormsModule } from '@angular/forms';
import { LowerCasePipe } from '@angular/common';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { type Artist, CONTRIBUTOR_ROLES, formatIsni } from '@bandstand/catalog/contracts';
import { FieldErrorComponent } from '@bandstand/shared/web-ui';
import { displayText, tidyIdentifier } from '../../shared/format/catalog-display';
import { type ContributorForm, contributorForm } from './release-form';

/**
 * Credits of a release or a track: name, roles, the catalog artist it points to, ISNI, IPI and an
 * instrument for performers. Linking an artist fills the name and identifiers left blank.
 */
@Component({
  selector: 'bs-contributors-editor',
  imports: [
    LowerCasePipe,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatIcon,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="bs-contributors">
      <legend>{{ label() }}</legend>
      @for (row of contributors().controls; track $index; let i = $index) {
        <div class="bs-contributor" [formGroup]="row" [attr.data-contributor]="i">
          <mat-form-field class="bs-wide">
            <mat-label>{{ label() }} {{ i + 1 }} name</mat-label>
            <input matInput formControlName="name" required />
            <mat-error><bs-field-error [control]="row.controls.name" label="Name" /></mat-error>
          </mat-form-field>
          <mat-form-field class="bs-wide">
            <mat-label>{{ label() }} {{ i + 1 }} roles</mat-label>
            <mat-select formControlName="roles" multiple>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ role }}</mat-option>
              }
            </mat-select>
            <mat-error><bs-field-error [control]="row.controls.roles" label="Roles" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ label() }} {{ i + 1 }} artist</mat-label>
            <mat-select formControlName="artistId" (selectionChange)="linkArtist(row, $event.value)">
              <mat-option [value]="null">Not linked</mat-option>
              @for (artist of artists(); track artist.artistId) {
                <mat-option [value]="artist.artistId">{{ artistName(artist) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ label() }} {{ i + 1 }} ISNI</mat-label>
            <input
              matInput
              formControlName="isni"
              (blur)="tidy(row, 'isni')"
              placeholder="0000 0001 2103 2683"
            />
            <mat-error><bs-field-error [control]="row.controls.isni" label="ISNI" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ label() }} {{ i + 1 }} IPI</mat-label>
            <input matInput formControlName="ipi" inputmode="numeric" />
            <mat-error><bs-field-error [control]="row.controls.ipi" label="IPI" /></mat-error>
          </mat-form-field>
          @if (row.controls.roles.value.includes('performer')) {
            <mat-form-field>
              <mat-label>{{ label() }} {{ i + 1 }} instrument</mat-label>
              <input matInput formControlName="instrument" />
            </mat-form-field>
          }
          <button
            mat-icon-button
            type="button"
            [attr.aria-label]="'Remove ' + label() + ' ' + (i + 1)"
            (click)="remove(i)"
          >
            <mat-icon aria-hidden="true">person_remove</mat-icon>
          </button>
        </div>
      }
      <button mat-button type="button" (click)="add()">
        <mat-icon aria-hidden="true">person_add</mat-icon>
        Add {{ label() | lowercase }}
      </button>
    </fieldset>
  `,
  styles: `
    .bs-contributors {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .bs-contributor {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .bs-contributor mat-form-field {
      flex: 0 1 160px;
    }
    .bs-contributor mat-form-field.bs-wide {
      flex: 1 1 200px;
    }
  `,
})
export class ContributorsEditorComponent {
  readonly contributors = input.required<FormArray<ContributorForm>>();
  readonly artists = input<readonly Artist[]>([]);
  /** Names the rows ("Credit", "Track 2 credit"). */
  readonly label = input('Credit');

  protected readonly roles = CONTRIBUTOR_ROLES;

  protected artistName(artist: Artist): string {
    return displayText(artist.name);
  }

  protected add(): void {
    this.contributors().push(contributorForm());
    this.contributors().markAsDirty();
  }

  protected remove(index: number): void {
    this.contributors().removeAt(index);
    this.contributors().markAsDirty();
  }

  protected tidy(row: ContributorForm, kind: 'isni'): void {
    const control = row.controls[kind];
    const tidied = tidyIdentifier(kind, control.value);
    if (tidied !== control.value) control.setValue(tidied);
  }

  protected linkArtist(row: ContributorForm, artistId: string | null): void {
    const artist = this.artists().find((candidate) => candidate.artistId === artistId);
    if (artist === undefined) return;
    const { name, isni, ipi } = row.controls;
    if (name.value.trim() === '') name.setValue(displayText(artist.name));
    if (isni.value.trim() === '' && artist.isni !== null) isni.setValue(formatIsni(artist.isni));
    if (ipi.value.trim() === '' && artist.ipi !== null) ipi.setValue(artist.ipi);
  }
}
