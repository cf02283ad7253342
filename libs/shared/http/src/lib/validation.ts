import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type ErrorCode, type FieldError, isErrorCode } from '@bandstand/shared/contracts';

/** A request whose body, query or parameters failed validation; carries every rejected field. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(`The request is invalid: ${fieldErrors.map((error) => error.field).join(', ')}`);
  }
}

// forbidNonWhitelisted reports an unknown field under this constraint name
const UNKNOWN_FIELD_CONSTRAINT = 'whitelistValidation';

/** `isNotEmpty` → `VALIDATION.IS_NOT_EMPTY`; a field the DTO does not declare → `VALIDATION.UNKNOWN_FIELD`. */
export function validationCode(constraint: string): ErrorCode {
  if (constraint === UNKNOWN_FIELD_CONSTRAINT) return 'VALIDATION.UNKNOWN_FIELD';
  const reason = constraint
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  const code = `VALIDATION.${reason}`;
  return isErrorCode(code) ? code : 'VALIDATION.INVALID';
}

/** class-validator's nested errors as one flat list, each naming its field by dotted path. */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent.length > 0 ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field: field.length > 0 ? field : '(body)',
      code: validationCode(constraint),
      message,
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/**
 * The one validation pipe of an HTTP app: DTO classes are validated and transformed, and a field
 * the DTO does not declare is rejected rather than silently dropped, so a client's typo shows.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedException(fieldErrorsOf(errors)),
  });
}
