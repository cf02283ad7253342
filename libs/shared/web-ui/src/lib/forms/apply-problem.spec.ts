import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import { applyProblemToForm, controlPath } from './apply-problem';
import { SERVER_ERROR_KEY, firstErrorMessage } from './error-messages';

function form() {
  return new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    splits: new FormArray([
      new FormGroup({
        payee: new FormControl('ann', { nonNullable: true }),
        share: new FormControl(60, { nonNullable: true }),
      }),
      new FormGroup({
        payee: new FormControl('bob', { nonNullable: true }),
        share: new FormControl(30, { nonNullable: true }),
      }),
    ]),
  });
}

const PROBLEM: ProblemDetails = {
  type: 'urn:bandstand:problem:VALIDATION.FAILED',
  title: 'The request is not valid',
  status: 400,
  code: 'VALIDATION.FAILED',
  correlationId: 'c0ffee',
  errors: [
    { field: 'title', code: 'VALIDATION.REQUIRED', message: 'Give the release a title.' },
    {
      field: 'splits.1.share',
      code: 'ROYALTIES.SPLITS_NOT_100_PERCENT',
      message: 'Shares add up to 90 %, not 100 %.',
    },
    { field: 'label', code: 'VALIDATION.UNKNOWN', message: 'Unknown label.' },
    { field: '', code: 'ROYALTIES.LOCKED', message: 'The statement period is closed.' },
  ],
};

describe('controlPath', () => {
  it.each([
    ['title', 'title'],
    ['splits.1.share', 'splits.1.share'],
    ['splits[1].share', 'splits.1.share'],
    ['/splits/1/share', 'splits.1.share'],
  ])('maps %s to %s', (field, path) => {
    expect(controlPath(field)).toBe(path);
  });
});

describe('applyProblemToForm', () => {
  it('puts each field error on its control, touched, and returns the ones without a control', () => {
    const group = form();
    const unmatched = applyProblemToForm(group, PROBLEM);

    const title = group.controls.title;
    expect(title.errors?.[SERVER_ERROR_KEY]).toEqual({
      code: 'VALIDATION.REQUIRED',
      message: 'Give the release a title.',
    });
    expect(title.touched).toBe(true);
    expect(firstErrorMessage(title.errors, 'Title')).toBe('Give the release a title.');

    const share = group.get('splits.1.share');
    expect(firstErrorMessage(share?.errors ?? null, 'Share')).toBe('Shares add up to 90 %, not 100 %.');
    expect(group.get('splits.0.share')?.errors).toBeNull();
    expect(group.valid).toBe(false);

    expect(unmatched.map((error) => error.code)).toEqual(['VALIDATION.UNKNOWN', 'ROYALTIES.LOCKED']);
  });

  it('keeps the control’s own errors and joins several server errors on one field', () => {
    const group = form();
    group.controls.title.setValue('x'.repeat(101));
    applyProblemToForm(group, {
      ...PROBLEM,
      errors: [
        { field: 'title', code: 'CATALOG.TITLE_TAKEN', message: 'First.' },
        { field: 'title', code: 'CATALOG.TITLE_RESERVED', message: 'Second.' },
      ],
    });
    expect(group.controls.title.errors?.['maxlength']).toBeDefined();
    expect(group.controls.title.errors?.[SERVER_ERROR_KEY]).toEqual({
      code: 'CATALOG.TITLE_TAKEN CATALOG.TITLE_RESERVED',
      message: 'First. Second.',
    });
  });

  it('lets the user clear the server error by editing the field', () => {
    const group = form();
    applyProblemToForm(group, PROBLEM);
    group.controls.title.setValue('Night Drive');
    expect(group.controls.title.errors).toBeNull();
  });

  it('does nothing when the problem has no field errors', () => {
    const group = form();
    expect(applyProblemToForm(group, {})).toEqual([]);
    expect(group.valid).toBe(true);
  });
});

describe('firstErrorMessage', () => {
  it('explains the built-in validators', () => {
    expect(firstErrorMessage({ required: true }, 'Email')).toBe('Email is required.');
    expect(firstErrorMessage({ minlength: { requiredLength: 3, actualLength: 1 } }, 'Name')).toBe(
      'Name must be at least 3 characters.',
    );
    expect(firstErrorMessage({ max: { max: 100, actual: 120 } }, 'Share')).toBe('Share must be at most 100.');
    expect(firstErrorMessage({ email: true }, 'Email')).toBe('Enter a valid email address.');
    expect(firstErrorMessage(null, 'Email')).toBeNull();
  });

  it('prefers the server’s message and falls back for unknown keys', () => {
    expect(firstErrorMessage({ required: true, server: { code: 'X', message: 'Taken.' } }, 'Handle')).toBe(
      'Taken.',
    );
    expect(firstErrorMessage({ isrc: true }, 'ISRC')).toBe('ISRC is invalid (isrc).');
    expect(
      firstErrorMessage({ isrc: true }, 'ISRC', { isrc: () => 'Use 12 characters like GBAYE0601498.' }),
    ).toBe('Use 12 characters like GBAYE0601498.');
  });
});
