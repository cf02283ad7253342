import { type ValidationErrors } from '@angular/forms';

/** Builds the message for one validation error; `detail` is the validator's error value. */
export type ErrorMessageFn = (detail: unknown, label: string) => string;

/** Key under which errors reported by the server are stored on a form control. */
export const SERVER_ERROR_KEY = 'server';

/** What {@link applyProblemToForm} stores under {@link SERVER_ERROR_KEY}. */
export interface ServerFieldError {
  readonly code: string;
  readonly message: string;
}

function numberIn(detail: unknown, key: string): number | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const value: unknown = (detail as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/** True when `detail` is what {@link applyProblemToForm} stored. */
export function isServerFieldError(detail: unknown): detail is ServerFieldError {
  if (typeof detail !== 'object' || detail === null) return false;
  const record = detail as Record<string, unknown>;
  return typeof record['code'] === 'string' && typeof record['message'] === 'string';
}

/** Messages for Angular's built-in validators and for errors reported by the server. */
export const DEFAULT_ERROR_MESSAGES: Readonly<Record<string, ErrorMessageFn>> = {
  required: (_detail, label) => `${label} is required.`,
  requiredtrue: (_detail, label) => `${label} must be accepted.`,
  email: () => 'Enter a valid email address.',
  minlength: (detail, label) =>
    `${label} must be at least ${numberIn(detail, 'requiredLength') ?? '?'} characters.`,
  maxlength: (detail, label) =>
    `${label} must be at most ${numberIn(detail, 'requiredLength') ?? '?'} characters.`,
  min: (detail, label) => `${label} must be at least ${numberIn(detail, 'min') ?? '?'}.`,
  max: (detail, label) => `${label} must be at most ${numberIn(detail, 'max') ?? '?'}.`,
  pattern: (_detail, label) => `${label} is not in the expected format.`,
  [SERVER_ERROR_KEY]: (detail, label) =>
    isServerFieldError(detail) ? detail.message : `${label} was rejected by the server.`,
};

/**
 * The message for the most relevant error of a control: the server's verdict first (it is the
 * authority), then the validators in the order they reported.
 */
export function firstErrorMessage(
  errors: ValidationErrors | null,
  label: string,
  messages: Readonly<Record<string, ErrorMessageFn>> = DEFAULT_ERROR_MESSAGES,
): string | null {
  if (!errors) return null;
  const keys = Object.keys(errors).sort(
    (a, b) => Number(b === SERVER_ERROR_KEY) - Number(a === SERVER_ERROR_KEY),
  );
  const key = keys[0];
  if (key === undefined) return null;
  const build = messages[key] ?? DEFAULT_ERROR_MESSAGES[key];
  return build ? build(errors[key], label) : `${label} is invalid (${key}).`;
}
