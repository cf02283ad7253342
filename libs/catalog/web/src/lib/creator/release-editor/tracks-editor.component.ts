import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type FormArray, type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { type Artist, PARENTAL_WARNINGS } from '@bandstand/catalog/contracts';
import { FieldErrorComponent } from '@bandstand/shared/web-ui';
import { LocalizedTextFieldsComponent } from '../../shared/ui/localized-text-fields.component';
import { ContributorsEditorComponent } from './contributors-editor.component';
import { tidyIdentifier } from '../../shared/format/catalog-display';
import { EDITOR_ERROR_MESSAGES, type TrackForm, trackForm } from './release-form';

/** An audio file chosen for the track at `index`. */
export interface TrackAudio {
  readonly index: number;
  readonly file: File;
}

/**
 * The tracks of a draft, in order: disc, title, version, ISRC (shown as CC-XXX-YY-NNNNN), ISWC,
 * duration (m:ss), display artist, genre, parental warning, language, credits and the audio file,
 * with rows added, removed and moved up or down.
 */
@Component({
  selector: 'bs-tracks-editor',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatIcon,
    FieldErrorComponent,
    LocalizedTextFieldsComponent,
    ContributorsEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-table-scroll">
      <table class="bs-tracks">
        <caption>
          Tracks
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Disc</th>
            <th scope="col">Title and version</th>
            <th scope="col">ISRC</th>
            <th scope="col">ISWC</th>
            <th scope="col">Duration</th>
            <th scope="col">Display artist</th>
            <th scope="col"><span class="bs-visually-hidden">Order</span></th>
          </tr>
        </thead>
        @for (
          row of tracks().controls;
          track row.controls.trackId.value ?? row;
          let i = $index;
          let first = $first;
          let last = $last
        ) {
          <tbody [formGroup]="row" [attr.data-track]="i">
            <tr class="bs-track-main">
              <th scope="row" class="bs-position">{{ i + 1 }}</th>
              <td class="bs-disc">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Track {{ i + 1 }} disc</mat-label>
                  <input matInput type="number" min="1" formControlName="disc" />
                  <mat-error><bs-field-error [control]="row.controls.disc" label="Disc" /></mat-error>
                </mat-form-field>
              </td>
              <td class="bs-title-cell">
                <bs-localized-text-fields
                  [group]="row.controls.title"
                  [label]="'Track ' + (i + 1) + ' title'"
                />
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Track {{ i + 1 }} version</mat-label>
                  <input matInput formControlName="versionTitle" placeholder="Radio Edit" />
                  <mat-error>
                    <bs-field-error [control]="row.controls.versionTitle" label="Version" />
                  </mat-error>
                </mat-form-field>
              </td>
              <td>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Track {{ i + 1 }} ISRC</mat-label>
                  <input
                    matInput
                    formControlName="isrc"
                    placeholder="CC-XXX-YY-NNNNN"
                    (blur)="tidy(row, 'isrc')"
                  />
                  <mat-error><bs-field-error [control]="row.controls.isrc" label="ISRC" /></mat-error>
                </mat-form-field>
              </td>
              <td>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Track {{ i + 1 }} ISWC</mat-label>
                  <input
                    matInput
                    formControlName="iswc"
                    placeholder="T-000.000.000-0"
                    (blur)="tidy(row, 'iswc')"
                  />
                  <mat-error><bs-field-error [control]="row.controls.iswc" label="ISWC" /></mat-error>
                </mat-form-field>
              </td>
              <td class="bs-duration">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Track {{ i + 1 }} duration</mat-label>
                  <input matInput formControlName="durationMs" placeholder="m:ss" />
                  <mat-error>
                    <bs-field-error
                      [control]="row.controls.durationMs"
                      label="Duration"
                      [messages]="messages"
                    />
                  </mat-error>
                </mat-form-field>
              </td>
              <td>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>Track {{ i + 1 }} display artist</mat-label>
                  <input matInput formControlName="displayArtist" />
                  <mat-error>
                    <bs-field-error [control]="row.controls.displayArtist" label="Display artist" />
                  </mat-error>
                </mat-form-field>
              </td>
              <td class="bs-order">
                <button
                  mat-icon-button
                  type="button"
                  [disabled]="first"
                  [attr.aria-label]="'Move track ' + (i + 1) + ' up'"
                  (click)="move(i, -1)"
                >
                  <mat-icon aria-hidden="true">arrow_upward</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [disabled]="last"
                  [attr.aria-label]="'Move track ' + (i + 1) + ' down'"
                  (click)="move(i, 1)"
                >
                  <mat-icon aria-hidden="true">arrow_downward</mat-icon>
                </button>
                <button
                  mat-icon-button
                  type="button"
                  [attr.aria-label]="'Remove track ' + (i + 1)"
                  (click)="remove(i)"
                >
                  <mat-icon aria-hidden="true">delete</mat-icon>
                </button>
              </td>
            </tr>
            <tr class="bs-track-more">
              <td></td>
              <td colspan="7">
                <div class="bs-track-fields">
                  <mat-form-field>
                    <mat-label>Track {{ i + 1 }} genre</mat-label>
                    <input matInput formControlName="genre" />
                    <mat-error><bs-field-error [control]="row.controls.genre" label="Genre" /></mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>Track {{ i + 1 }} parental warning</mat-label>
                    <mat-select formControlName="parentalWarning">
                      @for (warning of warnings; track warning) {
                        <mat-option [value]="warning">{{ warning }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>Track {{ i + 1 }} language</mat-label>
                    <input matInput formControlName="language" placeholder="en" />
                    <mat-hint>zxx for instrumentals</mat-hint>
                    <mat-error>
                      <bs-field-error [control]="row.controls.language" label="Language" />
                    </mat-error>
                  </mat-form-field>
                  <div class="bs-audio">
                    <input
                      #audio
                      type="file"
                      accept="audio/*"
                      class="bs-visually-hidden"
                      [attr.aria-label]="'Audio file of track ' + (i + 1)"
                      (change)="chooseAudio(i, audio)"
                    />
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="uploadingTrack() === i"
                      (click)="audio.click()"
                    >
                      <mat-icon aria-hidden="true">audio_file</mat-icon>
                      {{ row.controls.audioAssetId.value ? 'Replace audio' : 'Upload audio' }}
                    </button>
                    @if (uploadingTrack() === i) {
                      <span role="status">Uploading…</span>
                    } @else if (row.controls.audioAssetId.value) {
                      <span class="bs-muted">Audio uploaded</span>
                    }
                  </div>
                </div>
                <bs-contributors-editor
                  [contributors]="row.controls.contributors"
                  [artists]="artists()"
                  [label]="'Track ' + (i + 1) + ' credit'"
                />
              </td>
            </tr>
          </tbody>
        }
      </table>
    </div>
    @if (tracks().length === 0) {
      <p class="bs-muted">No tracks yet.</p>
    }
    <button mat-stroked-button type="button" (click)="add()">
      <mat-icon aria-hidden="true">playlist_add</mat-icon>
      Add a track
    </button>
  `,
  styleUrl: '../../shared/ui/catalog-tables.scss',
  styles: `
    .bs-tracks tbody + tbody {
      border-top: 2px solid var(--mat-sys-outline-variant);
    }
    .bs-track-main td,
    .bs-track-main th {
      border-bottom: none;
      vertical-align: top;
    }
    .bs-position {
      padding-top: 20px;
    }
    .bs-disc mat-form-field {
      width: 72px;
    }
    .bs-duration mat-form-field {
      width: 96px;
    }
    .bs-title-cell {
      min-width: 280px;
    }
    .bs-order {
      white-space: nowrap;
    }
    .bs-track-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .bs-audio {
      display: flex;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class TracksEditorComponent {
  readonly tracks = input.required<FormArray<TrackForm>>();
  readonly artists = input<readonly Artist[]>([]);
  /** The release's artist line, which new tracks start from. */
  readonly releaseArtist = input<FormControl<string> | null>(null);
  /** The track whose audio is being uploaded. */
  readonly uploadingTrack = input<number | null>(null);
  readonly audioChosen = output<TrackAudio>();

  protected readonly warnings = PARENTAL_WARNINGS;
  protected readonly messages = EDITOR_ERROR_MESSAGES;

  protected add(): void {
    const tracks = this.tracks();
    const lastDisc = tracks.at(tracks.length - 1)?.controls.disc.value ?? 1;
    tracks.push(
      trackForm(undefined, { displayArtist: this.releaseArtist()?.value.trim() ?? '', disc: lastDisc }),
    );
    tracks.markAsDirty();
  }

  protected remove(index: number): void {
    this.tracks().removeAt(index);
    this.tracks().markAsDirty();
  }

  protected move(index: number, by: -1 | 1): void {
    const tracks = this.tracks();
    const row = tracks.at(index);
    tracks.removeAt(index, { emitEvent: false });
    tracks.insert(index + by, row);
    tracks.markAsDirty();
  }

  protected tidy(row: TrackForm, kind: 'isrc' | 'iswc'): void {
    const control = row.controls[kind];
    const tidied = tidyIdentifier(kind, control.value);
    if (tidied !== control.value) control.setValue(tidied);
  }

  protected chooseAudio(index: number, picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (file !== undefined) this.audioChosen.emit({ index, file });
  }
}
