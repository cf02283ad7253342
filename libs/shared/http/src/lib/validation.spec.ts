import { type ValidationError } from '@nestjs/common';
import { fieldErrorsOf, validationCode } from './validation';

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children };
}

describe('validationCode', () => {
  it.each([
    ['isNotEmpty', 'VALIDATION.IS_NOT_EMPTY'],
    ['isISO8601', 'VALIDATION.IS_ISO8601'],
    ['min', 'VALIDATION.MIN'],
    ['whitelistValidation', 'VALIDATION.UNKNOWN_FIELD'],
    ['custom-rule name', 'VALIDATION.CUSTOM_RULE_NAME'],
    ['---', 'VALIDATION.INVALID'],
  ])('%s → %s', (constraint, code) => {
    expect(validationCode(constraint)).toBe(code);
  });
});

describe('fieldErrorsOf', () => {
  it('lists one error per failed constraint, nested fields by dotted path', () => {
    const errors = fieldErrorsOf([
      error('title', { isNotEmpty: 'title should not be empty' }),
      error('splits', undefined, [
        error('0', undefined, [
          error('share', {
            isPositive: 'share must be a positive number',
            max: 'share must not be greater than 100',
          }),
        ]),
      ]),
    ]);
    expect(errors).toEqual([
      { field: 'title', code: 'VALIDATION.IS_NOT_EMPTY', message: 'title should not be empty' },
      { field: 'splits.0.share', code: 'VALIDATION.IS_POSITIVE', message: 'share must be a positive number' },
      { field: 'splits.0.share', code: 'VALIDATION.MAX', message: 'share must not be greater than 100' },
    ]);
  });

  it('names the body itself when the whole value is rejected', () => {
    expect(fieldErrorsOf([error('', { isObject: 'must be an object' })])).toEqual([
      { field: '(body)', code: 'VALIDATION.IS_OBJECT', message: 'must be an object' },
    ]);
  });
});
