import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { type LocalizedText, type LocalizedTextInput, type Translation } from '@bandstand/catalog/contracts';

/** One translation or transliteration row: its BCP 47 tag and its text. */
export type TranslationForm = FormGroup<{ language: FormControl<string>; text: FormControl<string> }>;

/** A {@link LocalizedText} as form controls, named like its fields so the api's error paths reach them. */
export type LocalizedTextForm = FormGroup<{
  text: FormControl<string>;
  language: FormControl<string>;
  translations: FormArray<TranslationForm>;
}>;

/** A translation row. */
export function translationForm(value?: Translation): TranslationForm {
  return new FormGroup({
    language: new FormControl(value?.language ?? '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    text: new FormControl(value?.text ?? '', { nonNullable: true, validators: [Validators.required] }),
  });
}

/** The controls of a localized text, filled from `value`. */
export function localizedTextForm(value?: LocalizedText | null, required = true): LocalizedTextForm {
  return new FormGroup({
    text: new FormControl(value?.text ?? '', {
      nonNullable: true,
      validators: required ? [Validators.required, Validators.maxLength(500)] : [Validators.maxLength(500)],
    }),
    language: new FormControl(value?.language ?? '', { nonNullable: true }),
    translations: new FormArray(
      (value?.translations ?? []).map((translation) => translationForm(translation)),
    ),
  });
}

/** What the api is sent for a localized text's controls (blank language → null, blank rows left out). */
export function localizedTextValue(form: LocalizedTextForm): LocalizedTextInput {
  const { text, language, translations } = form.getRawValue();
  return {
    text: text.trim(),
    language: language.trim() === '' ? null : language.trim(),
    translations: translations
      .map((translation) => ({ language: translation.language.trim(), text: translation.text.trim() }))
      .filter((translation) => translation.language !== '' || translation.text !== ''),
  };
}
