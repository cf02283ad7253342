import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type Artist,
  MIN_ARTWORK_EDGE,
  PARENTAL_WARNINGS,
  RELEASE_TYPES,
} from '@bandstand/catalog/contracts';
import { FieldErrorComponent } from '@bandstand/shared/web-ui';
import { displayText, releaseTypeLabel, tidyIdentifier } from '../../shared/format/catalog-display';
import { LocalizedTextFieldsComponent } from '../../shared/ui/localized-text-fields.component';
import { ContributorsEditorComponent } from './contributors-editor.component';
import { type DraftForm } from './release-form';

/**
 * A release's own metadata: type, title with its translations, version, artists, identifiers,
 * label, genre, advisory, languages, ℗ and © lines, original release date, artwork and credits.
 */
@Component({
  selector: 'bs-release-metadata',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIcon,
    FieldErrorComponent,
    LocalizedTextFieldsComponent,
    ContributorsEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-metadata" [formGroup]="draft()">
      <div class="bs-artwork">
        @if (artworkUrl(); as url) {
          <img [src]="url" alt="Artwork" width="160" height="160" />
        } @else {
          <div class="bs-no-artwork" aria-hidden="true"><mat-icon>image</mat-icon></div>
        }
        <input
          #picker
          type="file"
          accept="image/jpeg,image/png"
          class="bs-visually-hidden"
          aria-label="Artwork file"
          (change)="chooseArtwork(picker)"
        />
        <button mat-stroked-button type="button" [disabled]="uploadingArtwork()" (click)="picker.click()">
          <mat-icon aria-hidden="true">upload</mat-icon>
          {{ draft().controls.artworkAssetId.value ? 'Replace artwork' : 'Upload artwork' }}
        </button>
        @if (uploadingArtwork()) {
          <span role="status">Uploading…</span>
        }
        <p class="bs-muted">Square JPEG or PNG, at least {{ minEdge }} × {{ minEdge }} pixels.</p>
      </div>

      <div class="bs-fields">
        <div class="bs-row">
          <mat-form-field>
            <mat-label>Type</mat-label>
            <mat-select formControlName="type">
              @for (type of types; track type) {
                <mat-option [value]="type">{{ typeLabel(type) }}</mat-option>
              }
            </mat-select>
            <mat-error><bs-field-error [control]="draft().controls.type" label="Type" /></mat-error>
          </mat-form-field>
          <mat-form-field class="bs-grow">
            <mat-label>Version title</mat-label>
            <input matInput formControlName="versionTitle" placeholder="Deluxe Edition" />
            <mat-error>
              <bs-field-error [control]="draft().controls.versionTitle" label="Version title" />
            </mat-error>
          </mat-form-field>
        </div>
        <bs-localized-text-fields [group]="draft().controls.title" label="Title" />

        <div class="bs-row">
          <mat-form-field class="bs-grow">
            <mat-label>Display artist</mat-label>
            <input matInput formControlName="displayArtist" placeholder="Aurora Lane feat. Kestrel" />
            <mat-error>
              <bs-field-error [control]="draft().controls.displayArtist" label="Display artist" />
            </mat-error>
          </mat-form-field>
          <mat-form-field class="bs-grow">
            <mat-label>Artists</mat-label>
            <mat-select formControlName="artistIds" multiple>
              @for (artist of artists(); track artist.artistId) {
                <mat-option [value]="artist.artistId">{{ artistName(artist) }}</mat-option>
              }
            </mat-select>
            @if (artists().length === 0) {
              <mat-hint>No artists yet: <a routerLink="/catalog/artists">create one</a>.</mat-hint>
            }
            <mat-error><bs-field-error [control]="draft().controls.artistIds" label="Artists" /></mat-error>
          </mat-form-field>
        </div>

        <div class="bs-row">
          <mat-form-field>
            <mat-label>UPC</mat-label>
            <input
              matInput
              formControlName="upc"
              inputmode="numeric"
              placeholder="0 12345 67890 5"
              (blur)="tidyUpc()"
            />
            <mat-hint>UPC or EAN, 12 or 13 digits</mat-hint>
            <mat-error><bs-field-error [control]="draft().controls.upc" label="UPC" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Catalogue number</mat-label>
            <input matInput formControlName="catalogNumber" />
            <mat-error>
              <bs-field-error [control]="draft().controls.catalogNumber" label="Catalogue number" />
            </mat-error>
          </mat-form-field>
          <mat-form-field class="bs-grow">
            <mat-label>Label</mat-label>
            <input matInput formControlName="labelName" />
            <mat-error><bs-field-error [control]="draft().controls.labelName" label="Label" /></mat-error>
          </mat-form-field>
        </div>

        <div class="bs-row">
          <mat-form-field>
            <mat-label>Genre</mat-label>
            <input matInput formControlName="genre" />
            <mat-error><bs-field-error [control]="draft().controls.genre" label="Genre" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Subgenre</mat-label>
            <input matInput formControlName="subgenre" />
            <mat-error><bs-field-error [control]="draft().controls.subgenre" label="Subgenre" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Parental warning</mat-label>
            <mat-select formControlName="parentalWarning">
              @for (warning of warnings; track warning) {
                <mat-option [value]="warning">{{ warning }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Languages</mat-label>
            <input matInput formControlName="languages" placeholder="en, ja" />
            <mat-hint>BCP 47 tags, separated by commas</mat-hint>
            <mat-error><bs-field-error [control]="draft().controls.languages" label="Languages" /></mat-error>
          </mat-form-field>
        </div>

        <div class="bs-row" formGroupName="pLine">
          <mat-form-field class="bs-year">
            <mat-label>℗ year</mat-label>
            <input matInput formControlName="year" inputmode="numeric" />
            <mat-error>
              <bs-field-error [control]="draft().controls.pLine.controls.year" label="℗ year" />
            </mat-error>
          </mat-form-field>
          <mat-form-field class="bs-grow">
            <mat-label>℗ owner</mat-label>
            <input matInput formControlName="owner" />
            <mat-error>
              <bs-field-error [control]="draft().controls.pLine.controls.owner" label="℗ owner" />
            </mat-error>
          </mat-form-field>
        </div>
        <div class="bs-row" formGroupName="cLine">
          <mat-form-field class="bs-year">
            <mat-label>© year</mat-label>
            <input matInput formControlName="year" inputmode="numeric" />
            <mat-error>
              <bs-field-error [control]="draft().controls.cLine.controls.year" label="© year" />
            </mat-error>
          </mat-form-field>
          <mat-form-field class="bs-grow">
            <mat-label>© owner</mat-label>
            <input matInput formControlName="owner" />
            <mat-error>
              <bs-field-error [control]="draft().controls.cLine.controls.owner" label="© owner" />
            </mat-error>
          </mat-form-field>
        </div>
        <div class="bs-row">
          <mat-form-field>
            <mat-label>Original release date</mat-label>
            <input matInput type="date" formControlName="originalReleaseDate" />
            <mat-hint>For reissues only</mat-hint>
            <mat-error>
              <bs-field-error
                [control]="draft().controls.originalReleaseDate"
                label="Original release date"
              />
            </mat-error>
          </mat-form-field>
        </div>

        <bs-contributors-editor
          [contributors]="draft().controls.contributors"
          [artists]="artists()"
          label="Credit"
        />
      </div>
    </div>
  `,
  styles: `
    .bs-metadata {
      display: grid;
      grid-template-columns: 180px 1fr;
      gap: 24px;
    }
    @media (max-width: 799.98px) {
      .bs-metadata {
        grid-template-columns: 1fr;
      }
    }
    .bs-artwork {
      display: grid;
      gap: 8px;
      align-content: start;
    }
    .bs-artwork img,
    .bs-no-artwork {
      width: 160px;
      height: 160px;
      border-radius: 8px;
      object-fit: cover;
    }
    .bs-no-artwork {
      display: grid;
      place-items: center;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .bs-fields {
      display: grid;
      gap: 4px;
    }
    .bs-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bs-row mat-form-field {
      flex: 0 1 200px;
    }
    .bs-row mat-form-field.bs-grow {
      flex: 1 1 260px;
    }
    .bs-row mat-form-field.bs-year {
      flex: 0 1 96px;
    }
    .bs-muted {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReleaseMetadataComponent {
  readonly draft = input.required<DraftForm>();
  readonly artists = input<readonly Artist[]>([]);
  /** The artwork as an image URL, once loaded. */
  readonly artworkUrl = input<string | null>(null);
  readonly uploadingArtwork = input(false);
  readonly artworkChosen = output<File>();

  protected readonly types = RELEASE_TYPES;
  protected readonly typeLabel = releaseTypeLabel;
  protected readonly warnings = PARENTAL_WARNINGS;
  protected readonly minEdge = MIN_ARTWORK_EDGE;

  protected artistName(artist: Artist): string {
    return displayText(artist.name);
  }

  protected tidyUpc(): void {
    const control = this.draft().controls.upc;
    const tidied = tidyIdentifier('upc', control.value);
    if (tidied !== control.value) control.setValue(tidied);
  }

  protected chooseArtwork(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (file !== undefined) this.artworkChosen.emit(file);
  }
}
