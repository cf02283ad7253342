import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  type Contributor,
  type ContributorRole,
  type CopyrightLine,
  formatIsni,
  formatIsrc,
  formatIswc,
  formatUpc,
  type ParentalWarning,
  type ReleaseDraft,
  type ReleaseDraftInput,
  type ReleaseType,
  type TrackDraft,
  type TrackDraftInput,
} from '@bandstand/catalog/contracts';
import { type FieldError, type ProblemDetails } from '@bandstand/shared/contracts';
import { type ErrorMessageFn } from '@bandstand/shared/web-ui';
import { formatDuration, parseCodes, parseDuration } from '../../shared/format/catalog-display';
import {
  type LocalizedTextForm,
  localizedTextForm,
  localizedTextValue,
} from '../../shared/ui/localized-text.form';

/** A credit's controls. */
export type ContributorForm = FormGroup<{
  name: FormControl<string>;
  artistId: FormControl<string | null>;
  roles: FormControl<ContributorRole[]>;
  isni: FormControl<string>;
  ipi: FormControl<string>;
  instrument: FormControl<string>;
}>;

/** A track's controls; `durationMs` holds the duration as typed (`m:ss`). */
export type TrackForm = FormGroup<{
  trackId: FormControl<string | null>;
  title: LocalizedTextForm;
  versionTitle: FormControl<string>;
  isrc: FormControl<string>;
  iswc: FormControl<string>;
  durationMs: FormControl<string>;
  displayArtist: FormControl<string>;
  contributors: FormArray<ContributorForm>;
  genre: FormControl<string>;
  parentalWarning: FormControl<ParentalWarning>;
  language: FormControl<string>;
  disc: FormControl<number>;
  audioAssetId: FormControl<string | null>;
}>;

/** A ℗ or © line's controls; both blank means none. */
export type CopyrightForm = FormGroup<{ year: FormControl<string>; owner: FormControl<string> }>;

/** A release draft's controls, named like {@link ReleaseDraft}'s fields so the api's error paths reach them. */
export type DraftForm = FormGroup<{
  type: FormControl<ReleaseType>;
  title: LocalizedTextForm;
  versionTitle: FormControl<string>;
  displayArtist: FormControl<string>;
  artistIds: FormControl<string[]>;
  upc: FormControl<string>;
  catalogNumber: FormControl<string>;
  labelName: FormControl<string>;
  genre: FormControl<string>;
  subgenre: FormControl<string>;
  parentalWarning: FormControl<ParentalWarning>;
  /** BCP 47 tags as typed, separated by commas or spaces. */
  languages: FormControl<string>;
  pLine: CopyrightForm;
  cLine: CopyrightForm;
  originalReleaseDate: FormControl<string>;
  artworkAssetId: FormControl<string | null>;
  contributors: FormArray<ContributorForm>;
  tracks: FormArray<TrackForm>;
}>;

/** The editor's form: the draft under `draft`, as in the api's request bodies (`draft.tracks.2.isrc`). */
export type ReleaseEditorForm = FormGroup<{ draft: DraftForm }>;

function text(value: string | null | undefined): FormControl<string> {
  return new FormControl(value ?? '', { nonNullable: true });
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A duration field holds `m:ss`, `h:mm:ss` or seconds. */
function durationValidator(control: AbstractControl<string>): ValidationErrors | null {
  return parseDuration(control.value) === undefined ? { duration: true } : null;
}

/** Messages for the editor's own validators, next to the shared ones. */
export const EDITOR_ERROR_MESSAGES: Readonly<Record<string, ErrorMessageFn>> = {
  duration: () => 'Enter the length as m:ss, e.g. 3:25.',
};

/** A credit's controls, filled from `value`. */
export function contributorForm(value?: Contributor): ContributorForm {
  return new FormGroup({
    name: new FormControl(value?.name ?? '', { nonNullable: true, validators: [Validators.required] }),
    artistId: new FormControl<string | null>(value?.artistId ?? null),
    roles: new FormControl<ContributorRole[]>([...(value?.roles ?? ['main-artist'])], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    isni: text(value?.isni ? formatIsni(value.isni) : ''),
    ipi: text(value?.ipi),
    instrument: text(value?.instrument),
  });
}

/** A track's controls, filled from `value`; a new track takes the release's artist line and disc. */
export function trackForm(
  value?: TrackDraft,
  defaults: { displayArtist?: string; disc?: number } = {},
): TrackForm {
  return new FormGroup({
    trackId: new FormControl<string | null>(value?.trackId ?? null),
    title: localizedTextForm(value?.title),
    versionTitle: text(value?.versionTitle),
    isrc: text(value?.isrc ? formatIsrc(value.isrc) : ''),
    iswc: text(value?.iswc ? formatIswc(value.iswc) : ''),
    durationMs: new FormControl(formatDuration(value?.durationMs ?? null), {
      nonNullable: true,
      validators: [durationValidator],
    }),
    displayArtist: text(value?.displayArtist ?? defaults.displayArtist),
    contributors: new FormArray(
      (value?.contributors ?? []).map((contributor) => contributorForm(contributor)),
    ),
    genre: text(value?.genre),
    parentalWarning: new FormControl<ParentalWarning>(value?.parentalWarning ?? 'not-explicit', {
      nonNullable: true,
    }),
    language: text(value?.language),
    disc: new FormControl(value?.disc ?? defaults.disc ?? 1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1)],
    }),
    audioAssetId: new FormControl<string | null>(value?.audioAssetId ?? null),
  });
}

function copyrightForm(value: CopyrightLine | null | undefined): CopyrightForm {
  return new FormGroup({ year: text(value ? String(value.year) : ''), owner: text(value?.owner) });
}

/** The editor's form, filled from `draft` (a new release when absent). */
export function releaseEditorForm(draft?: ReleaseDraft): ReleaseEditorForm {
  return new FormGroup({
    draft: new FormGroup({
      type: new FormControl<ReleaseType>(draft?.type ?? 'single', { nonNullable: true }),
      title: localizedTextForm(draft?.title),
      versionTitle: text(draft?.versionTitle),
      displayArtist: text(draft?.displayArtist),
      artistIds: new FormControl<string[]>([...(draft?.artistIds ?? [])], { nonNullable: true }),
      upc: text(draft?.upc ? formatUpc(draft.upc) : ''),
      catalogNumber: text(draft?.catalogNumber),
      labelName: text(draft?.labelName),
      genre: text(draft?.genre),
      subgenre: text(draft?.subgenre),
      parentalWarning: new FormControl<ParentalWarning>(draft?.parentalWarning ?? 'not-explicit', {
        nonNullable: true,
      }),
      languages: text((draft?.languages ?? []).join(', ')),
      pLine: copyrightForm(draft?.pLine),
      cLine: copyrightForm(draft?.cLine),
      originalReleaseDate: text(draft?.originalReleaseDate),
      artworkAssetId: new FormControl<string | null>(draft?.artworkAssetId ?? null),
      contributors: new FormArray(
        (draft?.contributors ?? []).map((contributor) => contributorForm(contributor)),
      ),
      tracks: new FormArray((draft?.tracks ?? []).map((track) => trackForm(track))),
    }),
  });
}

/** A credit's controls as a whole {@link Contributor} (blanks as null). */
export function contributorValue(form: ContributorForm): Contributor {
  const value = form.getRawValue();
  return {
    name: value.name.trim(),
    artistId: value.artistId,
    roles: value.roles,
    isni: blankToNull(value.isni),
    ipi: blankToNull(value.ipi),
    instrument: blankToNull(value.instrument),
  };
}

function copyrightValue(form: CopyrightForm): CopyrightLine | null {
  const { year, owner } = form.getRawValue();
  if (year.trim() === '' && owner.trim() === '') return null;
  return { year: Number(year.trim()), owner: owner.trim() };
}

function trackValue(form: TrackForm): TrackDraftInput {
  const controls = form.controls;
  const trackId = controls.trackId.value;
  return {
    ...(trackId === null ? {} : { trackId }),
    title: localizedTextValue(controls.title),
    versionTitle: blankToNull(controls.versionTitle.value),
    isrc: blankToNull(controls.isrc.value),
    iswc: blankToNull(controls.iswc.value),
    durationMs: parseDuration(controls.durationMs.value) ?? null,
    displayArtist: controls.displayArtist.value.trim(),
    contributors: controls.contributors.controls.map(contributorValue),
    genre: blankToNull(controls.genre.value),
    parentalWarning: controls.parentalWarning.value,
    language: blankToNull(controls.language.value),
    disc: controls.disc.value,
    audioAssetId: controls.audioAssetId.value,
  };
}

/**
 * What the api is sent for the form: blanks as null, languages as a list; identifiers go as typed
 * (hyphens and spaces included), since the api normalises them and names the field it refuses.
 */
export function draftInput(form: DraftForm): ReleaseDraftInput {
  const controls = form.controls;
  return {
    type: controls.type.value,
    title: localizedTextValue(controls.title),
    versionTitle: blankToNull(controls.versionTitle.value),
    displayArtist: controls.displayArtist.value.trim(),
    artistIds: controls.artistIds.value,
    upc: blankToNull(controls.upc.value),
    catalogNumber: blankToNull(controls.catalogNumber.value),
    labelName: blankToNull(controls.labelName.value),
    genre: blankToNull(controls.genre.value),
    subgenre: blankToNull(controls.subgenre.value),
    parentalWarning: controls.parentalWarning.value,
    languages: parseCodes(controls.languages.value, false),
    pLine: copyrightValue(controls.pLine),
    cLine: copyrightValue(controls.cLine),
    originalReleaseDate: blankToNull(controls.originalReleaseDate.value),
    artworkAssetId: controls.artworkAssetId.value,
    contributors: controls.contributors.controls.map(contributorValue),
    tracks: controls.tracks.controls.map(trackValue),
  };
}

/**
 * The problem with its field paths under `draft.`: the api names a draft's fields `draft.upc` in
 * validation errors but `upc` or `tracks.1.isrc` in some others (duplicates found on write).
 */
export function underDraft(
  form: ReleaseEditorForm,
  problem: Pick<ProblemDetails, 'errors'>,
): { errors: FieldError[] } {
  return {
    errors: (problem.errors ?? []).map((error) => {
      const path = error.field.replace(/\[(\d+)\]/g, '.$1');
      if (path.startsWith('draft.') || form.get(path) !== null) return error;
      return form.controls.draft.get(path) === null ? error : { ...error, field: `draft.${path}` };
    }),
  };
}
