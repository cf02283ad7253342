import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type ErrorCode, type FieldError, type ProblemDetails } from '@bandstand/shared/contracts';

/** OpenAPI description of {@link FieldError}. */
@ApiSchema({ name: 'FieldError', description: 'One rejected input field.' })
export class FieldErrorDto implements FieldError {
  @ApiProperty({ description: 'Dotted path of the field in the request.', example: 'splits.0.share' })
  readonly field!: string;

  @ApiProperty({
    description: 'Stable code of the rule that failed.',
    example: 'VALIDATION.IS_POSITIVE',
    type: String,
  })
  readonly code!: ErrorCode;

  @ApiProperty({
    description: 'Explanation for a human, in English.',
    example: 'share must be a positive number',
  })
  readonly message!: string;
}

/** OpenAPI description of {@link ProblemDetails}, the body of every error answer. */
@ApiSchema({
  name: 'ProblemDetails',
  description:
    'Every error is answered as application/problem+json (RFC 9457) with a stable `code` that clients branch on, ' +
    "and the request's `correlationId` (also in the `x-correlation-id` header and in the server logs).",
})
export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({
    description: 'URI of the problem type, derived from the code.',
    example: 'urn:bandstand:problem:HTTP.NOT_FOUND',
  })
  readonly type!: string;

  @ApiProperty({ description: 'Summary of the problem type (the HTTP status text).', example: 'Not Found' })
  readonly title!: string;

  @ApiProperty({ description: 'HTTP status code.', example: 404 })
  readonly status!: number;

  @ApiPropertyOptional({
    description: 'Explanation of this occurrence.',
    example: 'Cannot GET /api/v1/nothing-here',
  })
  readonly detail?: string;

  @ApiPropertyOptional({ description: 'Path of the request.', example: '/api/v1/nothing-here' })
  readonly instance?: string;

  @ApiProperty({
    description:
      'Stable machine-readable code, `<AREA>.<REASON>`: HTTP.*, VALIDATION.FAILED, INTERNAL.UNEXPECTED or a context code.',
    example: 'HTTP.NOT_FOUND',
    type: String,
  })
  readonly code!: ErrorCode;

  @ApiPropertyOptional({
    description: 'The rejected fields, for VALIDATION.FAILED and field-specific errors.',
    type: [FieldErrorDto],
  })
  readonly errors?: FieldErrorDto[];

  @ApiProperty({ description: 'Id of the request.', example: '3f1c2a9e-5b7d-4c1e-9a3f-0b6c8d2e4f10' })
  readonly correlationId!: string;
}
